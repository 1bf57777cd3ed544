package io.github.camellark.lark.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;

/**
 * Lark answered with a non-zero {@code code}. Carries everything Lark said about it, so that {@code onException} can
 * branch on {@link #getCode()} and support cases can quote {@link #getLogId()}.
 */
public class LarkApiException extends RuntimeCamelException {

    private final long code;
    private final String msg;
    private final int httpStatus;
    private final String logId;
    private final Map<String, Object> error;

    public LarkApiException(String call, long code, String msg, int httpStatus, String logId, Map<String, Object> error) {
        super(describe(call, code, msg, httpStatus, logId, error));
        this.code = code;
        this.msg = msg;
        this.httpStatus = httpStatus;
        this.logId = logId;
        this.error = error == null ? Map.of() : Collections.unmodifiableMap(error);
    }

    /** Lark's business code (for example 230001, 99991663); -1 when the reply was not a Lark envelope. */
    public long getCode() {
        return code;
    }

    public String getMsg() {
        return msg;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The {@code X-Tt-Logid} of the call; Lark support asks for it. */
    public String getLogId() {
        return logId;
    }

    /** Lark's {@code error} object as sent: {@code log_id}, {@code troubleshooter}, {@code details}, violations, helps. */
    public Map<String, Object> getError() {
        return error;
    }

    public List<Map<String, Object>> getFieldViolations() {
        return list("field_violations");
    }

    public List<Map<String, Object>> getPermissionViolations() {
        return list("permission_violations");
    }

    public List<Map<String, Object>> getDetails() {
        return list("details");
    }

    public String getTroubleshooter() {
        Object value = error.get("troubleshooter");
        return value == null ? null : value.toString();
    }

    public boolean isRateLimited() {
        return httpStatus == 429 || LarkCodes.isRateLimit(code);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String key) {
        Object value = error.get(key);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    private static String describe(String call, long code, String msg, int httpStatus, String logId, Map<String, Object> error) {
        StringBuilder text = new StringBuilder("Lark API error ").append(code);
        if (msg != null && !msg.isEmpty()) {
            text.append(" (").append(msg).append(')');
        }
        text.append(" on ").append(call).append(" [HTTP ").append(httpStatus);
        if (logId != null) {
            text.append(", logId ").append(logId);
        }
        text.append(']');
        if (error != null) {
            for (String key : List.of("field_violations", "permission_violations", "details")) {
                Object value = error.get(key);
                if (value instanceof List && !((List<?>) value).isEmpty()) {
                    text.append("; ").append(key).append(": ").append(value);
                }
            }
        }
        return text.toString();
    }
}
