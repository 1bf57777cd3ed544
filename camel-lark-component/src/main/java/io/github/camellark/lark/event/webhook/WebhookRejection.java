package io.github.camellark.lark.event.webhook;

/** A webhook request that failed a check: answered with {@link #status()} and a reason that names the check, never a secret. */
final class WebhookRejection extends RuntimeException {

    private final int status;

    private WebhookRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static WebhookRejection badRequest(String reason) {
        return new WebhookRejection(400, reason);
    }

    static WebhookRejection unauthorized(String reason) {
        return new WebhookRejection(401, reason);
    }

    static WebhookRejection tooLarge(String reason) {
        return new WebhookRejection(413, reason);
    }

    int status() {
        return status;
    }
}
