package io.github.camellark.lark.producer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.operation.UrlPreviewOperation;

/**
 * {@code lark:urlPreview}: make clients pull link previews again. The body is the list of preview tokens, or a Map/JSON with
 * {@code preview_tokens} and optionally {@code open_ids} (whose clients refresh; default everyone in the chat).
 */
final class UrlPreviewHandler implements ResourceHandler<UrlPreviewOperation> {

    /** Lark takes 1 to 10 preview tokens a call. */
    static final int MAX_TOKENS = 10;

    @Override
    public Class<UrlPreviewOperation> operations() {
        return UrlPreviewOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(UrlPreviewOperation operation, LarkCall call) {
        return switch (operation) {
            case BATCH_UPDATE -> batchUpdate(call);
        };
    }

    private CompletableFuture<Void> batchUpdate(LarkCall call) {
        Object body = call.body();
        RequestFields fields = RequestFields.of(call);
        List<String> tokens = IdLists.check(IdLists.from(body instanceof Collection ? body : fields.get("preview_tokens"),
                "preview_tokens"), MAX_TOKENS, "lark urlPreview batchUpdate: preview_tokens");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("preview_tokens", tokens);
        List<String> openIds = IdLists.from(fields.get("open_ids"), "open_ids");
        if (openIds != null && !openIds.isEmpty()) {
            request.put("open_ids", openIds);
        }
        return call.sendForData(LarkRequest.post("/open-apis/im/v2/url_previews/batch_update").json(request));
    }
}
