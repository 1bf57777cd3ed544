package io.github.camellark.lark.operation;

/** The operations of {@code lark:chat}; {@code create} is the default. */
public enum ChatOperation implements LarkOperation {
    CREATE("create"),
    ADD_MEMBERS("addMembers");

    private final String uriName;

    ChatOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
