package io.github.camellark.lark.examples;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/** The approval card of the card interaction bot, before and after the decision. */
public final class Approvals {

    /** What needs approval and who asked (an open_id). */
    public record Request(String subject, String requester) {
    }

    /** A click on the card: approved or not, about what, by whom (an open_id). */
    public record Decision(boolean approved, String subject, String requester, String by) {

        public String verb() {
            return approved ? "Approved" : "Rejected";
        }
    }

    private Approvals() {
    }

    /** The card with Approve and Reject buttons; each button's value comes back in the click event. */
    public static LarkContent card(@Body Request request) {
        return LarkContent.card(card("Approval needed: " + request.subject(), "orange",
                "**" + request.subject() + "**" + requestedBy(request.requester()),
                Map.of("tag", "column_set", "columns", List.of(
                        column(button("Approve", "primary", request, "approve")),
                        column(button("Reject", "danger", request, "reject"))))));
    }

    /** The decision in a {@code card.action.trigger} event. */
    public static Decision decision(@Body Map<String, Object> event, @Header(LarkConstants.SENDER_OPEN_ID) String operator) {
        Map<?, ?> value = (Map<?, ?>) ((Map<?, ?>) event.get("action")).get("value");
        return new Decision("approve".equals(value.get("decision")), String.valueOf(value.get("subject")),
                (String) value.get("requester"), operator);
    }

    /** The callback response: a toast for the clicker and the card without its buttons, for everyone. */
    public static Map<String, Object> callbackResponse(@Variable("decision") Decision decision) {
        return Map.of(
                "toast", Map.of("type", decision.approved() ? "success" : "info", "content", decision.verb()),
                "card", Map.of("type", "raw", "data", decidedCard(decision.verb(), decision, "recording the decision...")));
    }

    /** The card of the delayed update: the decision, recorded. */
    public static Map<String, Object> recordedCard(@Variable("decision") Decision decision) {
        LocalTime now = LocalTime.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS);
        return decidedCard(decision.verb() + " and recorded", decision, "recorded at " + now + " UTC");
    }

    private static Map<String, Object> decidedCard(String outcome, Decision decision, String status) {
        return card(outcome + ": " + decision.subject(), decision.approved() ? "green" : "grey",
                "**" + decision.subject() + "**" + requestedBy(decision.requester()) + "\n"
                + decision.verb() + " by <at id=" + decision.by() + "></at>, " + status);
    }

    private static String requestedBy(String requester) {
        return requester == null || requester.isEmpty() ? "" : "\nRequested by <at id=" + requester + "></at>";
    }

    private static Map<String, Object> card(String title, String colour, String text, Map<?, ?>... more) {
        List<Object> elements = new ArrayList<>();
        elements.add(Map.of("tag", "markdown", "content", text));
        elements.addAll(List.of(more));
        return Map.of(
                "schema", "2.0",
                "config", Map.of("update_multi", true),
                "header", Map.of("title", Map.of("tag", "plain_text", "content", title), "template", colour),
                "body", Map.of("elements", elements));
    }

    private static Map<String, Object> column(Map<String, Object> element) {
        return Map.of("tag", "column", "elements", List.of(element));
    }

    private static Map<String, Object> button(String label, String type, Request request, String decision) {
        return Map.of("tag", "button", "text", Map.of("tag", "plain_text", "content", label), "type", type,
                "behaviors", List.of(Map.of("type", "callback", "value",
                        Map.of("decision", decision, "subject", request.subject(), "requester", request.requester() == null ? "" : request.requester()))));
    }
}
