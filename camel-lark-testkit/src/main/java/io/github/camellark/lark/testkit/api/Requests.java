package io.github.camellark.lark.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.SimRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Request validation shared by the operations, with Lark's codes. */
final class Requests {

    private Requests() {
    }

    /** The JSON object body; a missing or malformed body is Lark's 9499 "Bad Request". */
    static JsonNode body(SimRequest request) {
        JsonNode json = request.json();
        if (json == null || !json.isObject()) {
            throw new LarkError(400, 9499, "Bad Request");
        }
        return json;
    }

    static String requiredQuery(SimRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw LarkError.fieldValidation(name, name + " is required");
        }
        return value;
    }

    static String oneOfQuery(SimRequest request, String name, String defaultValue, Set<String> allowed) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            if (defaultValue == null) {
                throw LarkError.fieldValidation(name, name + " is required");
            }
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw LarkError.fieldValidation(name, name + " must be one of " + allowed);
        }
        return value;
    }

    /** A required string field; a field of another JSON type is Lark's 9499 type complaint. */
    static String requiredText(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null || value.isEmpty()) {
            throw LarkError.fieldValidation(field, field + " is required");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new LarkError(400, 9499, "Invalid parameter type in json: " + field
                    + ". Please check and modify accordingly.");
        }
        return node.asText();
    }

    static List<String> requiredTextList(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty() && min > 0)) {
            throw LarkError.fieldValidation(field, field + " is required");
        }
        if (!node.isArray()) {
            throw new LarkError(400, 9499, "Invalid parameter type in json: " + field
                    + ". Please check and modify accordingly.");
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        if (values.size() < min || values.size() > max) {
            throw LarkError.fieldValidation(field, field + " must have " + min + " to " + max + " items");
        }
        return values;
    }

    static int pageSize(SimRequest request, int defaultSize, int max) {
        String value = request.queryParam("page_size");
        if (value == null || value.isEmpty()) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(value);
            if (size < 1 || size > max) {
                throw LarkError.fieldValidation("page_size", "page_size must be between 1 and " + max);
            }
            return size;
        } catch (NumberFormatException e) {
            throw LarkError.fieldValidation("page_size", "page_size must be an integer");
        }
    }

    /** An epoch (seconds or milliseconds, as the API says) query parameter, or null. */
    static Instant epochQuery(SimRequest request, String name, boolean millis) {
        String value = request.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            return millis ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException e) {
            throw LarkError.fieldValidation(name, name + " must be an epoch " + (millis ? "millisecond" : "second") + " number");
        }
    }

    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
