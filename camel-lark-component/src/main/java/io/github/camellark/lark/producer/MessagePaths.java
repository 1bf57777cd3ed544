package io.github.camellark.lark.producer;

/** The paths of Lark's im/v1 message API, shared by the operations that send, reply to, forward or update messages. */
final class MessagePaths {

    static final String MESSAGES = "/open-apis/im/v1/messages";
    /** A message; the placeholder is its id. */
    static final String MESSAGE = MESSAGES + "/{}";

    private MessagePaths() {
    }
}
