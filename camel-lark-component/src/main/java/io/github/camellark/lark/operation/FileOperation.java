package io.github.camellark.lark.operation;

/** The operations of {@code lark:file}; {@code upload} is the default. */
public enum FileOperation implements LarkOperation {
    UPLOAD("upload"),
    DOWNLOAD("download");

    private final String uriName;

    FileOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
