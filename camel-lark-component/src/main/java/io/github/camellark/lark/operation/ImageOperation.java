package io.github.camellark.lark.operation;

/** The operations of {@code lark:image}; {@code upload} is the default. */
public enum ImageOperation implements LarkOperation {
    UPLOAD("upload"),
    DOWNLOAD("download");

    private final String uriName;

    ImageOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
