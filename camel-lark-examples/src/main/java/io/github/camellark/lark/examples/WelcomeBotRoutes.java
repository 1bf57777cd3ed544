package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scenario 3, the welcome bot: when people join a group the bot is in ({@code im.chat.member.user.added_v1}), it greets
 * each of them in the group with a rich-text post that @mentions them.
 */
public class WelcomeBotRoutes extends RouteBuilder {

    /** Where {@link LarkEventRoutes} sends {@code im.chat.member.user.added_v1}; the body is the event. */
    public static final String MEMBERS_ADDED = "direct:members-added";

    @Override
    public void configure() {
        from(MEMBERS_ADDED).routeId("welcome-bot")
                .setHeader(LarkConstants.RECEIVE_ID, header(LarkConstants.CHAT_ID))
                .setVariable("group", simple("${body[name]}"))
                .split(simple("${body[users]}"))
                    .log("Welcoming ${body[name]} to ${variable.group}")
                    .setBody(method(Greetings.class, "welcome"))
                    .to("lark:message?receiveIdType=chat_id")
                .end();
    }
}
