package io.github.camellark.lark.operation;

/** The operations of {@code lark:cardkit}; {@code create} is the default. */
public enum CardKitOperation implements LarkOperation {
    CREATE("create"),
    UPDATE("update"),
    SETTINGS("settings"),
    BATCH_UPDATE("batchUpdate"),
    ADD_ELEMENT("addElement"),
    UPDATE_ELEMENT("updateElement"),
    PATCH_ELEMENT("patchElement"),
    DELETE_ELEMENT("deleteElement"),
    UPDATE_TEXT("updateText"),
    STREAM("stream");

    private final String uriName;

    CardKitOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
