package io.github.camellark.lark.operation;

/** The operations of {@code lark:card}; {@code update} is the default. */
public enum CardOperation implements LarkOperation {
    UPDATE("update"),
    DELAY_UPDATE("delayUpdate"),
    SEND_EPHEMERAL("sendEphemeral"),
    DELETE_EPHEMERAL("deleteEphemeral");

    private final String uriName;

    CardOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
