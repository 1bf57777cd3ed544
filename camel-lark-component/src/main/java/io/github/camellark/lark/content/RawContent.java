package io.github.camellark.lark.content;

/** Content the caller built: a Map, a Jackson node or JSON text, for any msg_type. */
final class RawContent implements LarkContent {

    private final String msgType;
    private final Object content;

    RawContent(String msgType, Object content) {
        this.msgType = KeyedContent.requireText("msg_type", msgType);
        if (content == null) {
            throw new IllegalArgumentException("Lark " + msgType + " content must not be null");
        }
        this.content = content;
    }

    @Override
    public String msgType() {
        return msgType;
    }

    @Override
    public Object content() {
        return content;
    }

    @Override
    public String toString() {
        return msgType + "[content]";
    }
}
