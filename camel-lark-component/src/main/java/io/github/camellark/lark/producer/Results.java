package io.github.camellark.lark.producer;

import java.util.Map;

import io.github.camellark.lark.LarkConstants;

/** Puts what Lark answered on the exchange. */
final class Results {

    private Results() {
    }

    /**
     * Makes {@code data} the body and copies its {@code field} (the id of what was created) into {@code header}, so the
     * next endpoint of the route finds it without glue; removes the header when Lark sent no such field, so a stale id
     * from an earlier step is never taken for this one's.
     */
    static void dataWithId(LarkCall call, Map<String, Object> data, String field, String header) {
        withId(call, data, data.get(field), header);
    }

    /**
     * Makes the data of a reply whose subject is a message the body, and its id {@code CamelLarkMessageId}: the id is
     * {@code message_id}, or {@code message.message_id} for the forward family.
     */
    static void message(LarkCall call, Map<String, Object> data) {
        Object nested = data.get("message");
        withId(call, data, nested instanceof Map ? ((Map<?, ?>) nested).get("message_id") : data.get("message_id"),
                LarkConstants.MESSAGE_ID);
    }

    private static void withId(LarkCall call, Map<String, Object> data, Object id, String header) {
        call.in().setBody(data);
        if (id != null) {
            call.in().setHeader(header, id.toString());
        } else {
            call.in().removeHeader(header);
        }
    }
}
