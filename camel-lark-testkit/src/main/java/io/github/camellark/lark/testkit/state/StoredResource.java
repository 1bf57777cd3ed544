package io.github.camellark.lark.testkit.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An uploaded image or file, kept on disk in the simulator's temporary directory.
 *
 * @param key         {@code img_…} or {@code file_…}
 * @param type        {@code image_type} of an image ({@code message}/{@code avatar}) or {@code file_type} of a file
 * @param durationMs  the {@code duration} form field of audio/video uploads, or {@code null}
 */
public record StoredResource(Kind kind, String key, String type, String fileName, String contentType, long size,
        Integer durationMs, Path path, Instant uploadedAt) {

    public enum Kind { IMAGE, FILE }

    /** The stored bytes (for assertions; downloads stream from {@link #path()}). */
    public byte[] bytes() throws IOException {
        return Files.readAllBytes(path);
    }
}
