package io.github.camellark.lark.operation;

/** The operations of {@code lark:reaction}; {@code create} is the default. */
public enum ReactionOperation implements LarkOperation {
    CREATE("create"),
    LIST("list"),
    DELETE("delete");

    private final String uriName;

    ReactionOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
