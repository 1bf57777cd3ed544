package io.github.camellark.lark.producer;

import java.io.File;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.ContentDisposition;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.client.Multipart;
import io.github.camellark.lark.client.UploadSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * What image and file uploads and downloads share: turning the body into a streamed upload with its size guards, and
 * turning a download into a streamed body with its name and type.
 */
final class MediaTransfers {

    private static final long MB = 1024L * 1024L;

    /** The most Lark accepts of one kind of upload: images 10 MB, files 30 MB. */
    record Limit(String what, long bytes) {
        static final Limit IMAGE = new Limit("image", 10 * MB);
        static final Limit FILE = new Limit("file", 30 * MB);

        IllegalArgumentException exceededBy(String size) {
            return new IllegalArgumentException("lark " + what + " upload is limited to " + bytes / MB + " MB (" + bytes
                                                + " bytes), got " + size);
        }
    }

    /** The bytes to upload and their file name: the body's own, else camel-file's header; null when neither is known. */
    record Upload(UploadSource source, String fileName) {
    }

    private MediaTransfers() {
    }

    /** Guessed from the file name; Lark looks at the bytes anyway. */
    static String contentType(String fileName) {
        String guessed = fileName == null ? null : URLConnection.guessContentTypeFromName(fileName);
        return guessed != null ? guessed : "application/octet-stream";
    }

    /** The upload in the body of the call. Fails before any request when it is empty or over the limit. */
    static Upload fromBody(LarkCall call, Limit limit) {
        Upload upload = resolve(call, call.body(), limit);
        if (upload.fileName() == null) {
            upload = new Upload(upload.source(), fileNameHeader(call.in()));
        }
        long size = upload.source().size();
        if (size == 0) {
            throw new IllegalArgumentException("lark " + limit.what() + " upload: the body is empty (0 bytes); Lark refuses empty uploads");
        }
        if (size > limit.bytes()) {
            throw limit.exceededBy(size + " bytes");
        }
        return upload;
    }

    private static Upload resolve(LarkCall call, Object body, Limit limit) {
        if (body instanceof byte[]) {
            return new Upload(UploadSource.of((byte[]) body), null);
        }
        if (body instanceof File) {
            return resolve(call, ((File) body).toPath(), limit);
        }
        if (body instanceof Path) {
            Path path = (Path) body;
            return new Upload(UploadSource.of(path), path.getFileName() == null ? null : path.getFileName().toString());
        }
        if (body instanceof WrappedFile) {
            // camel-file's GenericFile (and the FTP family): the file itself when it is local, else its loaded body
            WrappedFile<?> wrapped = (WrappedFile<?>) body;
            Object inner = wrapped.getFile() instanceof File ? wrapped.getFile() : wrapped.getBody();
            if (inner != null) {
                return resolve(call, inner, limit);
            }
            // content not loaded yet: camel-file's converters load it below
        }
        if (body instanceof InputStream) {
            return new Upload(UploadSource.of((InputStream) body, limit.bytes()), null);
        }
        if (body instanceof String) {
            return new Upload(UploadSource.of(((String) body).getBytes(StandardCharsets.UTF_8)), null);
        }
        InputStream converted = body == null ? null
                : call.exchange().getContext().getTypeConverter().tryConvertTo(InputStream.class, call.exchange(), body);
        if (converted == null) {
            throw new IllegalArgumentException("lark " + limit.what() + " upload needs a body of byte[], InputStream, File, Path or GenericFile, got "
                                               + (body == null ? "none" : body.getClass().getName()));
        }
        return new Upload(UploadSource.of(converted, limit.bytes()), null);
    }

    /** The name camel-file (and friends) put on the message, without directories. */
    private static String fileNameHeader(Message in) {
        String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null) {
            return null;
        }
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return cut >= 0 ? name.substring(cut + 1) : name;
    }

    /**
     * Sends the multipart upload and makes the reply's {@code data} the body, with the new key in {@code keyHeader}. A
     * stream found to be over the limit while it was being sent fails the exchange like a known oversize body does.
     */
    static CompletableFuture<Void> send(LarkCall call, LarkRequest.Builder request, Multipart multipart, Upload upload, Limit limit,
                                        String keyField, String keyHeader) {
        return call.send(multipart.applyTo(request)).<Void> handle((reply, failure) -> {
            if (upload.source().exceededLimit()) {
                throw limit.exceededBy("more than " + limit.bytes() + " bytes (the stream was cut off there)");
            }
            if (failure != null) {
                throw failure instanceof CompletionException ? (CompletionException) failure : new CompletionException(failure);
            }
            Results.dataWithId(call, reply.data(), keyField, keyHeader);
            return null;
        });
    }

    /** Downloads a file: the body is the stream from the connection, with the file name and content type in headers. */
    static CompletableFuture<Void> download(LarkCall call, LarkRequest.Builder request) {
        return call.send(request.download()).thenAccept(reply -> {
            if (reply.stream() == null) {
                throw new IllegalStateException("lark " + call.operationName() + ": Lark answered JSON instead of the file");
            }
            Message in = call.in();
            in.setBody(reply.stream());
            // Camel's stream caching would copy the whole file into the heap (spooling to disk is off by default) before
            // the next processor; like platform-http's streaming mode, keep the connection's stream as it is
            call.exchange().getExchangeExtension().setStreamCacheDisabled(true);
            String name = ContentDisposition.fileName(reply.header("Content-Disposition"));
            if (name != null) {
                in.setHeader(LarkConstants.FILE_NAME, name);
            } else {
                in.removeHeader(LarkConstants.FILE_NAME);
            }
            String contentType = reply.header("Content-Type");
            if (contentType != null) {
                in.setHeader(Exchange.CONTENT_TYPE, contentType);
            }
        });
    }
}
