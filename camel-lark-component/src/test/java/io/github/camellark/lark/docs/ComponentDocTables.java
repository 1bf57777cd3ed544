package io.github.camellark.lark.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders the option and header tables of the component page from the catalog ({@code lark.json}), and splices them
 * between the page's markers, so that the page can never disagree with what the jar declares.
 */
final class ComponentDocTables {

    static final List<String> SECTIONS = List.of("component-options", "path-parameters", "endpoint-options", "headers");

    private final JsonNode catalog;

    ComponentDocTables(JsonNode catalog) {
        this.catalog = catalog;
    }

    String render(String section) {
        switch (section) {
            case "component-options":
                return options(catalog.get("componentProperties"), false);
            case "path-parameters":
                return options(catalog.get("properties"), true);
            case "endpoint-options":
                return options(catalog.get("properties"), false);
            case "headers":
                return headers(catalog.get("headers"));
            default:
                throw new IllegalArgumentException(section);
        }
    }

    /** The page with every marked section replaced by its freshly rendered table. */
    String splice(String page) {
        String result = page;
        for (String section : SECTIONS) {
            Matcher matcher = marker(section).matcher(result);
            if (!matcher.find()) {
                throw new IllegalStateException("docs/lark-component.md lacks the markers of section " + section);
            }
            result = matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + "\n" + render(section) + matcher.group(3)));
        }
        return result;
    }

    static Pattern marker(String section) {
        return Pattern.compile("(<!-- lark\\.json:" + section + ":start -->)(.*?)(<!-- lark\\.json:" + section + ":end -->)",
                Pattern.DOTALL);
    }

    private static String options(JsonNode properties, boolean pathOnly) {
        StringBuilder table = new StringBuilder("| Name | Group | Default | Type | Description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> entry : fields(properties)) {
            JsonNode option = entry.getValue();
            if ("path".equals(option.path("kind").asText()) != pathOnly) {
                continue;
            }
            table.append("| `").append(entry.getKey()).append("` | ").append(option.path("group").asText())
                    .append(" | ").append(code(option.path("defaultValue").asText(""))).append(" | ")
                    .append(type(option)).append(" | ").append(description(option)).append(" |\n");
        }
        return table.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder table = new StringBuilder("| Name | Group | Type | Description |\n|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> entry : fields(headers)) {
            JsonNode header = entry.getValue();
            table.append("| `").append(entry.getKey()).append("` | ").append(header.path("group").asText()).append(" | ")
                    .append(type(header)).append(" | ").append(description(header)).append(" |\n");
        }
        return table.toString();
    }

    private static String type(JsonNode node) {
        String javaType = node.path("javaType").asText();
        String simple = javaType.replaceAll("[a-z0-9_]+\\.", "").replace("<", "&lt;").replace(">", "&gt;");
        JsonNode enums = node.path("enum");
        if (enums.isArray() && enums.size() > 0 && enums.size() <= 12) {
            List<String> values = new ArrayList<>();
            enums.forEach(value -> values.add(value.asText()));
            simple += " (" + String.join(", ", values) + ")";
        }
        return simple;
    }

    private static String description(JsonNode node) {
        String text = node.path("description").asText().replace("|", "\\|").replace("\n", " ");
        return node.path("secret").asBoolean() ? text + " *Secret.*" : text;
    }

    private static String code(String value) {
        return value.isEmpty() ? "" : "`" + value + "`";
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
