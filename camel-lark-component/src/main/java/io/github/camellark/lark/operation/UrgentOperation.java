package io.github.camellark.lark.operation;

/** The operations of {@code lark:urgent}; {@code app} is the default. */
public enum UrgentOperation implements LarkOperation {
    APP("app"),
    SMS("sms"),
    PHONE("phone");

    private final String uriName;

    UrgentOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
