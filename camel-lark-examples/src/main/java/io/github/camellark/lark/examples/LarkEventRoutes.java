package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The app's one {@code lark:events} consumer, handing each event to the scenario that wants it.
 * <p>
 * Why one: Lark gives every event to <em>one</em> of the app's long connections, chosen at random, and each
 * {@code lark:events} consumer holds a connection of its own. Two consumers with different {@code eventTypes} would each
 * see only part of their events (the other ones are acknowledged and dropped by the consumer that happened to get them).
 */
public class LarkEventRoutes extends RouteBuilder {

    public static final String MEMBER_ADDED = "im.chat.member.user.added_v1";
    public static final String MESSAGE_RECEIVED = "im.message.receive_v1";
    public static final String CARD_ACTION = "card.action.trigger";

    @Override
    public void configure() {
        from("lark:events?eventTypes=" + MEMBER_ADDED + "," + MESSAGE_RECEIVED + "," + CARD_ACTION).routeId("lark-events")
                .choice()
                    .when(header(LarkConstants.EVENT_TYPE).isEqualTo(MEMBER_ADDED))
                        .to(WelcomeBotRoutes.MEMBERS_ADDED)
                    .when(header(LarkConstants.EVENT_TYPE).isEqualTo(MESSAGE_RECEIVED))
                        .to(CardInteractionRoutes.COMMANDS)
                    .when(header(LarkConstants.EVENT_TYPE).isEqualTo(CARD_ACTION))
                        .to(CardInteractionRoutes.CARD_CLICKS)
                .end();
    }
}
