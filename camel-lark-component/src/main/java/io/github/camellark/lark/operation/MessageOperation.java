package io.github.camellark.lark.operation;

/** The operations of {@code lark:message}; {@code send} is the default. */
public enum MessageOperation implements LarkOperation {
    SEND("send"),
    REPLY("reply"),
    EDIT("edit"),
    RECALL("recall"),
    FORWARD("forward"),
    MERGE_FORWARD("mergeForward"),
    FORWARD_THREAD("forwardThread"),
    READ_USERS("readUsers"),
    LIST("list"),
    GET("get"),
    GET_RESOURCE("getResource"),
    PUSH_FOLLOW_UP("pushFollowUp");

    private final String uriName;

    MessageOperation(String uriName) {
        this.uriName = uriName;
    }

    @Override
    public String uriName() {
        return uriName;
    }
}
