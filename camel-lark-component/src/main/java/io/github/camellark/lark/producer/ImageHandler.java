package io.github.camellark.lark.producer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.client.Multipart;
import io.github.camellark.lark.operation.ImageOperation;

/** {@code lark:image}: upload (multipart image_type + image) and download. */
final class ImageHandler implements ResourceHandler<ImageOperation> {

    private static final Set<String> IMAGE_TYPES = Set.of("message", "avatar");

    @Override
    public Class<ImageOperation> operations() {
        return ImageOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(ImageOperation operation, LarkCall call) {
        return switch (operation) {
            case UPLOAD -> upload(call);
            case DOWNLOAD -> download(call);
        };
    }

    private CompletableFuture<Void> upload(LarkCall call) {
        String imageType = call.param(LarkParam.IMAGE_TYPE, "message");
        if (!IMAGE_TYPES.contains(imageType)) {
            throw new IllegalArgumentException("lark image upload: imageType must be message or avatar, got '" + imageType + "'");
        }
        MediaTransfers.Upload upload = MediaTransfers.fromBody(call, MediaTransfers.Limit.IMAGE);
        String fileName = call.param(LarkParam.FILE_NAME, upload.fileName() != null ? upload.fileName() : "image");
        Multipart multipart = Multipart.of(Map.of("image_type", imageType), "image", fileName, MediaTransfers.contentType(fileName), upload.source());
        return MediaTransfers.send(call, LarkRequest.post("/open-apis/im/v1/images"), multipart, upload, MediaTransfers.Limit.IMAGE, "image_key",
                LarkConstants.IMAGE_KEY);
    }

    private CompletableFuture<Void> download(LarkCall call) {
        return MediaTransfers.download(call, LarkRequest.get("/open-apis/im/v1/images/{}", call.require(LarkParam.IMAGE_KEY)));
    }
}
