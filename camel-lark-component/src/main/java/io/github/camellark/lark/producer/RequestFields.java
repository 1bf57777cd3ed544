package io.github.camellark.lark.producer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a Map/JSON body that is a (possibly partial) Lark request, for operations other than sending content.
 * Option and header values win over these fields; bodies of other kinds (for example the result of a previous call
 * that is no request at all) simply give no fields, and only fields the operation knows are read.
 */
final class RequestFields {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final LarkCall call;
    private final Map<String, Object> fields;
    private final boolean bodyIsRequest;

    private RequestFields(LarkCall call, Map<String, Object> fields, boolean bodyIsRequest) {
        this.call = call;
        this.fields = fields;
        this.bodyIsRequest = bodyIsRequest;
    }

    static RequestFields of(LarkCall call) {
        Object body = call.body();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (body instanceof Map) {
            ((Map<?, ?>) body).forEach((key, value) -> fields.put(String.valueOf(key), value));
        } else if (body instanceof JsonNode && ((JsonNode) body).isObject()) {
            fields.putAll(call.client().mapper().convertValue(body, JSON_OBJECT));
        } else if (body instanceof String && ((String) body).trim().startsWith("{")) {
            try {
                fields.putAll(call.client().mapper().readValue((String) body, JSON_OBJECT));
            } catch (IOException e) {
                // not a request after all (a text that starts with a brace): it gives no fields
            }
        }
        return new RequestFields(call, fields, true);
    }

    /** No body fields: for operations whose body is content, not a request. */
    static RequestFields none(LarkCall call) {
        return new RequestFields(call, Map.of(), false);
    }

    /** A copy of all the fields, in body order. */
    Map<String, Object> toMap() {
        return new LinkedHashMap<>(fields);
    }

    Object get(String field) {
        return fields.get(field);
    }

    /** The option/header value, else the body field; null when neither is set. */
    String param(LarkParam param, String field) {
        String value = call.param(param);
        if (value != null && !value.isBlank()) {
            return value;
        }
        Object fromBody = fields.get(field);
        return fromBody == null || fromBody.toString().isBlank() ? null : param.checked(fromBody.toString());
    }

    /** Like {@link #param(LarkParam, String)}, failing with a message naming the option, the header and the field. */
    String require(LarkParam param, String field) {
        String value = param(param, field);
        if (value == null && !bodyIsRequest) {
            return call.require(param);
        }
        if (value == null) {
            throw new IllegalArgumentException("lark " + call.operationName() + " needs " + param.option() + ": set the endpoint option '"
                                               + param.option() + "', the header '" + param.header() + "' or the body field '"
                                               + field + "'");
        }
        return value;
    }
}
