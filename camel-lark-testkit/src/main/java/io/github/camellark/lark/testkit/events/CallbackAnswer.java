package io.github.camellark.lark.testkit.events;

import java.util.Objects;

/**
 * What the app answered to a callback over one delivery: the body of its HTTP 200 reply (webhook) or the
 * base64-decoded {@code data} of its 200 ack (long connection).
 *
 * @param answered whether the app acknowledged the callback in time
 * @param body     the answer, {@code ""} when it carried none
 * @param failure  why the callback counts as unanswered (timeout, HTTP 500, ack code 500, nobody connected), or null
 */
public record CallbackAnswer(boolean answered, String body, String failure) {

    public CallbackAnswer {
        body = body == null ? "" : body;
    }

    public static CallbackAnswer of(String body) {
        return new CallbackAnswer(true, body, null);
    }

    public static CallbackAnswer unanswered(String failure) {
        return new CallbackAnswer(false, "", Objects.requireNonNull(failure));
    }
}
