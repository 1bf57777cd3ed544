package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.client.Multipart;
import io.github.camellark.lark.operation.FileOperation;

/** {@code lark:file}: upload (multipart file_type, file_name, duration + file) and download. */
final class FileHandler implements ResourceHandler<FileOperation> {

    private static final List<String> FILE_TYPES = List.of("opus", "mp4", "pdf", "doc", "xls", "ppt", "stream");
    /** Office extensions Lark files under the same type as their legacy form. */
    private static final Map<String, String> TYPE_BY_EXTENSION = Map.of(
            "opus", "opus", "mp4", "mp4", "pdf", "pdf",
            "doc", "doc", "docx", "doc",
            "xls", "xls", "xlsx", "xls",
            "ppt", "ppt", "pptx", "ppt");

    @Override
    public Class<FileOperation> operations() {
        return FileOperation.class;
    }

    @Override
    public CompletableFuture<Void> handle(FileOperation operation, LarkCall call) {
        return switch (operation) {
            case UPLOAD -> upload(call);
            case DOWNLOAD -> download(call);
        };
    }

    private CompletableFuture<Void> upload(LarkCall call) {
        String givenType = call.param(LarkParam.FILE_TYPE);
        if (givenType != null && !FILE_TYPES.contains(givenType)) {
            throw new IllegalArgumentException("lark file upload: fileType must be one of " + String.join(", ", FILE_TYPES) + ", got '"
                                               + givenType + "'");
        }
        Integer duration = call.intParam(LarkParam.DURATION);
        if (duration != null && duration < 0) {
            throw new IllegalArgumentException("lark file upload: duration (milliseconds) must not be negative, got " + duration);
        }
        MediaTransfers.Upload upload = MediaTransfers.fromBody(call, MediaTransfers.Limit.FILE);
        String fileName = call.param(LarkParam.FILE_NAME, upload.fileName());
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("lark file upload needs fileName (Lark file_name, with its extension): set the option"
                                               + " 'fileName' or the header '" + LarkConstants.FILE_NAME
                                               + "', or send a File, Path or GenericFile body");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file_type", givenType != null ? givenType : typeOf(fileName));
        fields.put("file_name", fileName);
        fields.put("duration", duration);
        Multipart multipart = Multipart.of(fields, "file", fileName, MediaTransfers.contentType(fileName), upload.source());
        return MediaTransfers.send(call, LarkRequest.post("/open-apis/im/v1/files"), multipart, upload, MediaTransfers.Limit.FILE, "file_key",
                LarkConstants.FILE_KEY);
    }

    /** The file_type for a file name: by extension, {@code stream} for anything Lark has no type for. */
    static String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPE_BY_EXTENSION.getOrDefault(extension, "stream");
    }

    private CompletableFuture<Void> download(LarkCall call) {
        return MediaTransfers.download(call, LarkRequest.get("/open-apis/im/v1/files/{}", call.require(LarkParam.FILE_KEY)));
    }
}
