package io.github.camellark.lark.content;

/** The {@code msg_type} values of Lark messages. */
public final class MsgType {

    public static final String TEXT = "text";
    public static final String POST = "post";
    public static final String IMAGE = "image";
    public static final String FILE = "file";
    public static final String AUDIO = "audio";
    public static final String MEDIA = "media";
    public static final String STICKER = "sticker";
    public static final String INTERACTIVE = "interactive";
    public static final String SHARE_CHAT = "share_chat";
    public static final String SHARE_USER = "share_user";
    public static final String SYSTEM = "system";

    private MsgType() {
    }
}
