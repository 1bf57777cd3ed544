package io.github.camellark.lark.testkit.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One part of a multipart/form-data request. Parts with a file name were streamed to a temporary
 * file (deleted after the request unless a handler moved it into the store); plain form fields
 * are kept in memory.
 */
public final class MultipartPart {

    private final String name;
    private final String fileName;
    private final String contentType;
    private final long size;
    private final byte[] value;
    private final Path file;

    MultipartPart(String name, String fileName, String contentType, long size, byte[] value, Path file) {
        this.name = name;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.value = value;
        this.file = file;
    }

    public String name() {
        return name;
    }

    /** The {@code filename} of Content-Disposition, or {@code null} for a plain form field. */
    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public boolean isFile() {
        return file != null;
    }

    /** The text of a form field (UTF-8). */
    public String value() {
        if (value != null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary file holding a file part's bytes, or {@code null} for form fields. */
    public Path file() {
        return file;
    }

    public InputStream openStream() throws IOException {
        return value != null ? new java.io.ByteArrayInputStream(value) : Files.newInputStream(file);
    }
}
