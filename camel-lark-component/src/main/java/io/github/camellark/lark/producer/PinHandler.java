package io.github.camellark.lark.producer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.operation.PinOperation;

/** {@code lark:pin}: pin a message in its chat, unpin it, list a chat's pins (newest first). */
final class PinHandler implements ResourceHandler<PinOperation> {

    /** Lark lists at most 50 pins a page (unverified: Lark's page documents 1 to 50). */
    static final int MAX_PAGE_SIZE = 50;

    @Override
    public Class<PinOperation> operations() {
        return PinOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(PinOperation operation, LarkCall call) {
        return switch (operation) {
            case CREATE -> create(call);
            case DELETE -> delete(call);
            case LIST -> list(call);
        };
    }

    private CompletableFuture<Void> create(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        // pinning a pinned message returns the existing pin, so a repeat is harmless
        return call.sendForData(LarkRequest.post("/open-apis/im/v1/pins").json(Map.of("message_id", messageId)).idempotent(true));
    }

    private CompletableFuture<Void> delete(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        // unpinning a message that is not pinned succeeds, so a repeat is harmless
        return call.sendForData(LarkRequest.delete("/open-apis/im/v1/pins/{}", messageId).idempotent(true));
    }

    private CompletableFuture<Void> list(LarkCall call) {
        String chatId = call.require(LarkParam.CHAT_ID);
        String startTime = call.param(LarkParam.START_TIME);
        String endTime = call.param(LarkParam.END_TIME);
        return call.list(MAX_PAGE_SIZE, () -> LarkRequest.get("/open-apis/im/v1/pins")
                .query("chat_id", chatId)
                .query("start_time", startTime)
                .query("end_time", endTime));
    }
}
