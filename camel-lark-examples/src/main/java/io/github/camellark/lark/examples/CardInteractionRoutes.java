package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Scenario 4, the card interaction bot.
 * <ul>
 * <li>Commands: a message to the bot that starts with {@code /} gets an emoji reaction and an answer in its thread;
 * {@code /request <what>} also posts an approval card with Approve and Reject buttons.</li>
 * <li>Clicks: a click on the card ({@code card.action.trigger}) is answered at once with a toast and the decided card
 * (the route's reply is the callback response); a moment later a delayed update, with the click's token from
 * {@code CamelLarkCardToken}, records the decision on the card.</li>
 * </ul>
 */
public class CardInteractionRoutes extends RouteBuilder {

    /** Where {@link LarkEventRoutes} sends {@code im.message.receive_v1}; the body is the event. */
    public static final String COMMANDS = "direct:message-received";
    /** Where {@link LarkEventRoutes} sends {@code card.action.trigger}; the reply body is the callback response. */
    public static final String CARD_CLICKS = "direct:card-clicked";
    /** Posts an approval card: headers CamelLarkReceiveId (the chat), body a {@link Approvals.Request}. */
    public static final String REQUEST_APPROVAL = "direct:request-approval";

    @Override
    public void configure() {
        from(COMMANDS).routeId("bot-commands")
                .setVariable("command", method(Commands.class, "parse"))
                .filter(variable("command").isNotNull())
                    .to("lark:reaction?emojiType=OK")
                    .setBody(method(Commands.class, "answer"))
                    .to("lark:message?operation=reply&replyInThread=true")
                    .filter(simple("${variable.command.name} == 'request' && ${variable.command.argument} != ''"))
                        .setHeader(LarkConstants.RECEIVE_ID, header(LarkConstants.CHAT_ID))
                        .setBody(method(Commands.class, "approvalRequest"))
                        .to(REQUEST_APPROVAL)
                    .end()
                .end();

        from(REQUEST_APPROVAL).routeId("approval-card")
                .setBody(method(Approvals.class, "card"))
                .to("lark:message?receiveIdType=chat_id")
                .log("Approval card ${header.CamelLarkMessageId} posted");

        from(CARD_CLICKS).routeId("card-clicks")
                .setVariable("decision", method(Approvals.class, "decision"))
                .log("${variable.decision.verb} by ${variable.decision.by}: ${variable.decision.subject}")
                .wireTap("direct:record-decision")
                .setBody(method(Approvals.class, "callbackResponse"));

        from("direct:record-decision").routeId("record-decision")
                // Lark takes a delayed update only after the click has been answered
                .delay(simple("{{approval.record-delay}}"))
                .log("Recording the decision on ${variable.decision.subject}")
                .setBody(method(Approvals.class, "recordedCard"))
                .to("lark:card?operation=delayUpdate");
    }
}
