package io.github.camellark.lark.producer;

/** What a call counts against under Lark's per-chat and per-card rate limits (the flow control's keys). */
final class RateLimitKeys {

    private RateLimitKeys() {
    }

    /**
     * A reply counts against the limit of its chat: the chat is CamelLarkChatId (the events consumer sets it) or the
     * chatId option; without either, against the message replied to.
     */
    static String reply(LarkCall call, String messageId) {
        String chatId = call.param(LarkParam.CHAT_ID);
        return chatId != null && !chatId.isBlank() ? chatId : messageId;
    }

    /** Lark allows 5 updates a second of one card message, apart from the sends to its chat. */
    static String card(String messageId) {
        return "card " + messageId;
    }
}
