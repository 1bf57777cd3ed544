package io.github.camellark.lark.operation;

/** The operations of {@code lark:batchMessage}; {@code send} is the default. */
public enum BatchMessageOperation implements LarkOperation {
    SEND("send"),
    RECALL("recall"),
    READ_USER("readUser"),
    PROGRESS("progress");

    private final String uriName;

    BatchMessageOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
