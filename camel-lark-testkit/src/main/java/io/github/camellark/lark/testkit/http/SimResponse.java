package io.github.camellark.lark.testkit.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator sends back: a JSON value (serialised by the server), raw bytes, or a stored
 * file streamed from disk (so large downloads never sit in the heap).
 */
public final class SimResponse {

    private final int status;
    private final String contentType;
    private final Object json;
    private final byte[] bytes;
    private final Path file;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private SimResponse(int status, String contentType, Object json, byte[] bytes, Path file) {
        this.status = status;
        this.contentType = contentType;
        this.json = json;
        this.bytes = bytes;
        this.file = file;
    }

    /** A JSON reply; {@code body} is a Jackson node, a Map/List tree or any Jackson-serialisable value. */
    public static SimResponse json(int status, Object body) {
        return new SimResponse(status, "application/json; charset=utf-8", body, null, null);
    }

    /** Lark's success envelope {@code {"code":0,"msg":"success","data":...}}. */
    public static SimResponse ok(Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 0);
        envelope.put("msg", "success");
        envelope.put("data", data == null ? Map.of() : data);
        return json(200, envelope);
    }

    public static SimResponse bytes(int status, String contentType, byte[] body) {
        return new SimResponse(status, contentType, null, body.clone(), null);
    }

    public static SimResponse text(int status, String body) {
        return new SimResponse(status, "text/plain; charset=utf-8", null, body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** Streams {@code file} with Lark's download headers (the file name goes in Content-Disposition). */
    public static SimResponse file(Path file, String contentType, String fileName) {
        SimResponse response = new SimResponse(200, contentType, null, null, file);
        response.header("Content-Disposition", contentDisposition(fileName));
        return response;
    }

    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_");
        String encoded = java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    public SimResponse header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The JSON value, or {@code null} for byte and file replies. */
    public Object json() {
        return json;
    }

    byte[] bytes() {
        return bytes;
    }

    Path file() {
        return file;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }
}
