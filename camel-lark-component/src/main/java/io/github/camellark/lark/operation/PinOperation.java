package io.github.camellark.lark.operation;

/** The operations of {@code lark:pin}; {@code create} is the default. */
public enum PinOperation implements LarkOperation {
    CREATE("create"),
    DELETE("delete"),
    LIST("list");

    private final String uriName;

    PinOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
