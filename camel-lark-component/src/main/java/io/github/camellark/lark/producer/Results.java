package io.github.camellark.lark.producer;

import java.util.Map;

/** Puts what Lark answered on the exchange. */
final class Results {

    private Results() {
    }

    /**
     * Makes {@code data} the body and copies its {@code field} (the id of what was created) into {@code header}, so the
     * next endpoint of the route finds it without glue; removes the header when Lark sent no such field.
     */
    static void dataWithId(LarkCall call, Map<String, Object> data, String field, String header) {
        call.in().setBody(data);
        Object id = data.get(field);
        if (id != null) {
            call.in().setHeader(header, id.toString());
        } else {
            call.in().removeHeader(header);
        }
    }
}
