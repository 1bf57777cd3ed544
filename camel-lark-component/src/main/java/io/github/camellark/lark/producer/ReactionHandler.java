package io.github.camellark.lark.producer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.operation.ReactionOperation;

/** {@code lark:reaction}: add an emoji reaction to a message, list a message's reactions, delete one. */
final class ReactionHandler implements ResourceHandler<ReactionOperation> {

    /** Lark lists at most 50 reactions a page. */
    static final int MAX_PAGE_SIZE = 50;

    @Override
    public Class<ReactionOperation> operations() {
        return ReactionOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(ReactionOperation operation, LarkCall call) {
        return switch (operation) {
            case CREATE -> create(call);
            case LIST -> list(call);
            case DELETE -> delete(call);
        };
    }

    private CompletableFuture<Void> create(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String emojiType = call.require(LarkParam.EMOJI_TYPE);
        return call.send(LarkRequest.post("/open-apis/im/v1/messages/{}/reactions", messageId)
                .json(Map.of("reaction_type", Map.of("emoji_type", emojiType))))
                .thenAccept(reply -> Results.dataWithId(call, reply.data(), "reaction_id", LarkConstants.REACTION_ID));
    }

    private CompletableFuture<Void> list(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String emojiType = call.param(LarkParam.EMOJI_TYPE);
        String userIdType = call.param(LarkParam.USER_ID_TYPE);
        return call.list(MAX_PAGE_SIZE, () -> LarkRequest.get("/open-apis/im/v1/messages/{}/reactions", messageId)
                .query("reaction_type", emojiType)
                .query("user_id_type", userIdType));
    }

    private CompletableFuture<Void> delete(LarkCall call) {
        String messageId = call.require(LarkParam.MESSAGE_ID);
        String reactionId = call.require(LarkParam.REACTION_ID);
        return call.sendForData(LarkRequest.delete("/open-apis/im/v1/messages/{}/reactions/{}", messageId, reactionId));
    }
}
