package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * The app's {@code lark:events} consumer, handing each event to the scenario that wants it, so that the event types
 * the app subscribes to are listed in one place. One route per event type works as well: the consumers of one app share
 * one long connection, and each event reaches every route whose {@code eventTypes} match (see docs/events.md).
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
                        .to("direct:lark-message")
                    .when(header(LarkConstants.EVENT_TYPE).isEqualTo(CARD_ACTION))
                        .to("direct:lark-card-action")
                .end();

        // commands and questions: each route gets its own copy of the message and takes the ones it answers
        from("direct:lark-message").routeId("lark-messages")
                .multicast().to(CardInteractionRoutes.COMMANDS, HelpDeskRoutes.QUESTIONS);

        // the reply body of a card click is its callback response
        from("direct:lark-card-action").routeId("lark-card-actions")
                .choice()
                    .when(method(HelpDesk.class, "isFeedback"))
                        .to(HelpDeskRoutes.FEEDBACK)
                    .otherwise()
                        .to(CardInteractionRoutes.CARD_CLICKS)
                .end();
    }
}
