package io.github.camellark.lark.testkit.events;

import java.time.Duration;
import java.time.Instant;

/**
 * What happened to one HTTP attempt of a webhook push.
 *
 * @param number       1 for the first push, 2 for the first redelivery, ...
 * @param startedAt    when the request was sent
 * @param latency      until the answer (or the failure) arrived
 * @param outcome      how Lark judges it
 * @param status       the HTTP status, or -1 when there was no answer
 * @param responseBody the body of the answer ("" when none), e.g. a card callback's {@code {toast, card}}
 * @param request      the exact request that was sent
 */
public record WebhookAttempt(int number, Instant startedAt, Duration latency, Outcome outcome, int status,
        String responseBody, WebhookRequest request) {

    /** How Lark judges an attempt: only HTTP 200 within its 3 s budget acknowledges an event. */
    public enum Outcome {
        /** HTTP 200 within the response budget. */
        ACKNOWLEDGED,
        /** Answered in time with a status other than 200. */
        REJECTED,
        /** No complete answer within the response budget (3 s at Lark). */
        TIMED_OUT,
        /** The connection could not be made or broke. */
        UNREACHABLE
    }

    public boolean acknowledged() {
        return outcome == Outcome.ACKNOWLEDGED;
    }
}
