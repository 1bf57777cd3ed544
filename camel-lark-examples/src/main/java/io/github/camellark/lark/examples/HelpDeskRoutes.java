package io.github.camellark.lark.examples;

import io.github.camellark.lark.LarkConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.UseLatestAggregationStrategy;

/**
 * Scenario 5, the AI help desk.
 * <ul>
 * <li>Questions: a message to the bot in a one-to-one chat that ends with a question mark is answered by the model, its chunks typed into
 * one card replied to the question as they come ({@code lark:cardkit?operation=stream}: a split's index and completion
 * order and end the stream; the question's message id is the stream's key). A failing model ends the card in its
 * error state.</li>
 * <li>Feedback: once the answer is complete, Helpful / Not helpful buttons are appended to the card; a click is
 * answered with a toast.</li>
 * </ul>
 * The model is the route {@link #MODEL}: its reply body is an {@code Iterator<String>} of chunks. Offline it is a
 * {@link ScriptedModel}; the README shows the route for a real model (camel-openai with {@code streaming=true}).
 */
public class HelpDeskRoutes extends RouteBuilder {

    /** Where {@link LarkEventRoutes} sends {@code im.message.receive_v1}; the body is the event. */
    public static final String QUESTIONS = "direct:help-desk-question";
    /** Where {@link LarkEventRoutes} sends clicks on the feedback buttons; the reply body is the callback response. */
    public static final String FEEDBACK = "direct:help-desk-feedback";
    /** The model: body the question, reply body an {@code Iterator<String>} of the answer's chunks. */
    public static final String MODEL = "direct:help-desk-model";

    private static final String CARD = "lark:cardkit?operation=stream&streamTitle=IT help desk";

    @Override
    public void configure() {
        from(QUESTIONS).routeId("help-desk")
                .onException(Exception.class).handled(true)
                    // the model failed: the card shows what it had typed and the error text
                    .setBody(constant(""))
                    .to(CARD)
                .end()
                .filter(method(HelpDesk.class, "isQuestion"))
                    .setBody(method(HelpDesk.class, "question"))
                    .log("Question ${header." + LarkConstants.MESSAGE_ID + "}: ${body}")
                    .to(MODEL)
                    .split(body(), new UseLatestAggregationStrategy()).streaming()
                        .to(CARD)
                    .end()
                    // the last chunk left the card's id and its next sequence on the exchange
                    .setBody(method(HelpDesk.class, "feedbackButtons"))
                    .to("lark:cardkit?operation=addElement")
                    .log("Answered in card ${header." + LarkConstants.CARD_ID + "}")
                .end();

        from(MODEL).routeId("help-desk-model")
                .setBody(method(ScriptedModel.class, "answer"));

        from(FEEDBACK).routeId("help-desk-feedback")
                .log("Feedback on ${body[action][value][question]}: ${body[action][value][helpdesk]}")
                .setBody(method(HelpDesk.class, "feedbackAnswer"));
    }
}
