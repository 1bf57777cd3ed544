package io.github.camellark.lark.testkit.http;

import java.util.List;

/**
 * A Lark business error: the HTTP status and {@code code}/{@code msg} pair Lark answers with.
 * Handlers throw it; the server turns it into the error envelope (with {@code error.log_id}).
 */
public final class LarkError extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final List<FieldViolation> fieldViolations;

    public LarkError(int httpStatus, int code, String msg) {
        this(httpStatus, code, msg, List.of());
    }

    public LarkError(int httpStatus, int code, String msg, List<FieldViolation> fieldViolations) {
        super(msg, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.fieldViolations = List.copyOf(fieldViolations);
    }

    /** HTTP 400, the status Lark documents for IM business errors. */
    public static LarkError badRequest(int code, String msg) {
        return new LarkError(400, code, msg);
    }

    /** Lark's generic request validation failure (99992402) naming the offending field. */
    public static LarkError fieldValidation(String field, String description) {
        return new LarkError(400, 99992402, "field validation failed",
                List.of(new FieldViolation(field, description)));
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String msg() {
        return getMessage();
    }

    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }

    /** One entry of {@code error.field_violations}. */
    public record FieldViolation(String field, String description) {
    }
}
