package io.github.camellark.lark.content;

import java.util.LinkedHashMap;
import java.util.Map;

/** A video message: an mp4 file key and an optional cover image. */
public final class MediaContent implements LarkContent {

    private final String fileKey;
    private String coverImageKey;

    MediaContent(String fileKey) {
        this.fileKey = KeyedContent.requireText("media file_key", fileKey);
    }

    /** The cover shown before the video plays: an image uploaded with {@code image_type=message}. */
    public MediaContent cover(String imageKey) {
        this.coverImageKey = KeyedContent.requireText("media cover image_key", imageKey);
        return this;
    }

    @Override
    public String msgType() {
        return MsgType.MEDIA;
    }

    @Override
    public Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("file_key", fileKey);
        if (coverImageKey != null) {
            content.put("image_key", coverImageKey);
        }
        return content;
    }

    @Override
    public String toString() {
        return msgType() + content();
    }
}
