package io.github.camellark.lark.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.PostContent;
import org.apache.camel.Body;

/** The Lark requests of the department broadcast. */
public final class Broadcasts {

    private Broadcasts() {
    }

    /** The body of {@code lark:batchMessage}: the targets and the message as a rich-text post. */
    public static Map<String, Object> batchSend(@Body Broadcast broadcast) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("department_ids", broadcast.departments());
        if (!broadcast.people().isEmpty()) {
            request.put("open_ids", broadcast.people());
        }
        request.put("content", LarkContent.post(PostContent.EN_US).title(broadcast.title()).line(broadcast.text()));
        return request;
    }

    /** Whether the progress answered by {@code lark:batchMessage?operation=progress} says everyone got the message. */
    public static boolean delivered(@Body Map<String, Object> progress) {
        Map<?, ?> send = (Map<?, ?>) progress.get("batch_message_send_progress");
        return number(send.get("success_user_ids_count")) >= number(send.get("valid_user_ids_count"));
    }

    private static long number(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
