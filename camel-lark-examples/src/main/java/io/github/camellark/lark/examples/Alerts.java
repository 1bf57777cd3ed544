package io.github.camellark.lark.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Variable;

/** The Lark messages of the alert group bot. */
public final class Alerts {

    private Alerts() {
    }

    /** The body of {@code lark:chat}: a private group named after the alert, with the on-call people in it. */
    public static Map<String, Object> warRoom(@Variable("alert") Alert alert, @Variable("oncall") String oncall) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("name", "[" + alert.severity() + "] " + alert.title() + " on " + alert.host());
        chat.put("description", alert.detail());
        chat.put("user_id_list", people(oncall));
        return chat;
    }

    /** The alert as a card (JSON 2.0), shared so that later updates show for everyone. */
    public static Map<String, Object> card(@Variable("alert") Alert alert, @Variable("oncall") String oncall) {
        String text = "**Host** " + alert.host() + "\n**Detail** " + alert.detail()
                      + "\n**Owner** <at id=" + owner(oncall) + "></at>";
        return Map.of(
                "schema", "2.0",
                "config", Map.of("update_multi", true),
                "header", Map.of(
                        "title", Map.of("tag", "plain_text", "content", alert.title() + " on " + alert.host()),
                        "template", "critical".equalsIgnoreCase(alert.severity()) ? "red" : "orange"),
                "body", Map.of("elements", List.of(Map.of("tag", "markdown", "content", text))));
    }

    /** The owner of the alert: the first of the on-call people. */
    public static String owner(@Variable("oncall") String oncall) {
        return people(oncall).get(0);
    }

    private static List<String> people(String oncall) {
        List<String> people = Arrays.stream(oncall.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        if (people.isEmpty()) {
            throw new IllegalStateException("alert.oncall names nobody: set it to the open_ids of the on-call people");
        }
        return people;
    }
}
