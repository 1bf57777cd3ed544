package io.github.camellark.lark.operation;

/** The operations of {@code lark:customBot}; {@code send} is the default. */
public enum CustomBotOperation implements LarkOperation {
    SEND("send");

    private final String uriName;

    CustomBotOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
