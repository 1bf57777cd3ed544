package io.github.camellark.lark.operation;

/** The operations of {@code lark:urlPreview}; {@code batchUpdate} is the default. */
public enum UrlPreviewOperation implements LarkOperation {
    BATCH_UPDATE("batchUpdate");

    private final String uriName;

    UrlPreviewOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
