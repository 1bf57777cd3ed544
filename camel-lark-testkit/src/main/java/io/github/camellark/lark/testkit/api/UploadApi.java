package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.http.LarkError;
import io.github.camellark.lark.testkit.http.MultipartPart;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimRequest;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.SimulatorState;
import io.github.camellark.lark.testkit.state.StoredResource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code im/v1/images} and {@code im/v1/files}: multipart uploads (kept on disk, never whole in
 * the heap) and byte-identical downloads with Content-Type and Content-Disposition. Limits: images
 * up to 10 MB in a known format, files up to 30 MB, neither empty. The 2340xx codes are the
 * (unverified) ones Lark's upload pages list: 234001 bad parameter, 234006 too large,
 * 234010 empty, 234011 unknown image format.
 */
final class UploadApi {

    static final long IMAGE_LIMIT = 10L * 1024 * 1024;
    static final long FILE_LIMIT = 30L * 1024 * 1024;
    private static final Set<String> FILE_TYPES = Set.of("opus", "mp4", "pdf", "doc", "xls", "ppt", "stream");

    private final SimulatorState state;

    UploadApi(SimulatorState state) {
        this.state = state;
    }

    void register(SimHttpServer server) {
        server.route("POST", "/open-apis/im/v1/images", true, this::uploadImage);
        server.route("GET", "/open-apis/im/v1/images/{image_key}", true, this::downloadImage);
        server.route("POST", "/open-apis/im/v1/files", true, this::uploadFile);
        server.route("GET", "/open-apis/im/v1/files/{file_key}", true, this::downloadFile);
    }

    private SimResponse uploadImage(SimRequest request) throws IOException {
        String imageType = field(request, "image_type");
        if (!imageType.equals("message") && !imageType.equals("avatar")) {
            throw invalid("image_type must be message or avatar");
        }
        MultipartPart image = filePart(request, "image");
        checkSize(image, IMAGE_LIMIT, "image");
        String format = ImageFormats.sniff(image);
        if (format == null) {
            throw LarkError.badRequest(234011, "Can't recognize image format.");
        }
        StoredResource stored = state.storeUpload(StoredResource.Kind.IMAGE, imageType, null,
                ImageFormats.contentType(format), image.file(), image.size(), null);
        return SimResponse.ok(Map.of("image_key", stored.key()));
    }

    private SimResponse downloadImage(SimRequest request) {
        String key = request.pathParam("image_key");
        StoredResource image = state.resource(key)
                .filter(r -> r.kind() == StoredResource.Kind.IMAGE)
                .orElseThrow(() -> invalid("image_key " + key + " does not exist or was not uploaded by this app"));
        if (!image.type().equals("message")) {
            throw invalid("only images uploaded with image_type=message can be downloaded");
        }
        return SimResponse.file(image.path(), image.contentType(), image.fileName());
    }

    private SimResponse uploadFile(SimRequest request) throws IOException {
        String fileType = field(request, "file_type");
        if (!FILE_TYPES.contains(fileType)) {
            throw invalid("file_type must be one of " + FILE_TYPES + " (use stream for anything else)");
        }
        String fileName = field(request, "file_name");
        Integer duration = null;
        MultipartPart durationPart = request.part("duration");
        if (durationPart != null && !durationPart.value().isBlank()) {
            try {
                duration = Integer.valueOf(durationPart.value().trim());
            } catch (NumberFormatException e) {
                throw invalid("duration must be an integer number of milliseconds");
            }
        }
        MultipartPart file = filePart(request, "file");
        checkSize(file, FILE_LIMIT, "file");
        StoredResource stored = state.storeUpload(StoredResource.Kind.FILE, fileType, fileName, contentTypeOf(fileName),
                file.file(), file.size(), duration);
        return SimResponse.ok(Map.of("file_key", stored.key()));
    }

    private SimResponse downloadFile(SimRequest request) {
        String key = request.pathParam("file_key");
        StoredResource file = state.resource(key)
                .filter(r -> r.kind() == StoredResource.Kind.FILE)
                .orElseThrow(() -> invalid("file_key " + key + " does not exist or was not uploaded by this app"));
        return SimResponse.file(file.path(), file.contentType(), file.fileName());
    }

    private static String field(SimRequest request, String name) {
        MultipartPart part = request.part(name);
        if (part == null || part.isFile() || part.value().isBlank()) {
            throw invalid(name + " is required (multipart/form-data field)");
        }
        return part.value().trim();
    }

    private static MultipartPart filePart(SimRequest request, String name) {
        MultipartPart part = request.part(name);
        if (part == null || !part.isFile()) {
            throw invalid(name + " is required (multipart/form-data file part)");
        }
        return part;
    }

    private static void checkSize(MultipartPart part, long limit, String what) {
        if (part.size() == 0) {
            throw LarkError.badRequest(234010, "File's size can't be 0.");
        }
        if (part.size() > limit) {
            throw LarkError.badRequest(234006, "The " + what + " is " + part.size() + " bytes, larger than the limit of "
                    + (limit / 1024 / 1024) + " MB.");
        }
    }

    private static LarkError invalid(String detail) {
        return LarkError.badRequest(234001, "Invalid request param: " + detail + ".");
    }

    static String contentTypeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "pdf" -> "application/pdf";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "ppt" -> "application/vnd.ms-powerpoint";
            case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            case "mp4" -> "video/mp4";
            case "opus" -> "audio/opus";
            case "txt", "log" -> "text/plain";
            case "csv" -> "text/csv";
            case "json" -> "application/json";
            case "zip" -> "application/zip";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    /** Recognises the image formats Lark accepts from their first bytes. */
    static final class ImageFormats {

        private ImageFormats() {
        }

        static String sniff(MultipartPart part) throws IOException {
            byte[] head;
            try (InputStream in = part.openStream()) {
                head = in.readNBytes(16);
            }
            return sniff(head);
        }

        static String sniff(byte[] b) {
            if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
                return "jpeg";
            }
            if (startsWith(b, 0x89, 'P', 'N', 'G')) {
                return "png";
            }
            if (startsWith(b, 'G', 'I', 'F', '8')) {
                return "gif";
            }
            if (startsWith(b, 'B', 'M')) {
                return "bmp";
            }
            if (startsWith(b, 0, 0, 1, 0)) {
                return "x-icon";
            }
            if (startsWith(b, 'I', 'I', 42, 0) || startsWith(b, 'M', 'M', 0, 42)) {
                return "tiff";
            }
            if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
                return "webp";
            }
            if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p'
                    && (new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("hei")
                    || new String(b, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("mif1"))) {
                return "heic";
            }
            return null;
        }

        static String contentType(String format) {
            return "image/" + format;
        }

        private static boolean startsWith(byte[] bytes, int... prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
