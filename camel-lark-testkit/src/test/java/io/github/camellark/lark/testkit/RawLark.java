package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A bare HTTP client for tests that check the simulator's wire behaviour directly. */
final class RawLark {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LarkSimulator sim;
    private String token;

    RawLark(LarkSimulator sim) {
        this.sim = sim;
    }

    /** Uses a fresh tenant token for the calls that follow. */
    RawLark authenticated() {
        this.token = sim.tenantAccessToken();
        return this;
    }

    RawLark withToken(String token) {
        this.token = token;
        return this;
    }

    Reply post(String pathAndQuery, Object body) {
        return send("POST", pathAndQuery, body);
    }

    Reply put(String pathAndQuery, Object body) {
        return send("PUT", pathAndQuery, body);
    }

    Reply patch(String pathAndQuery, Object body) {
        return send("PATCH", pathAndQuery, body);
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Reply send(String method, String pathAndQuery, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0]
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (body != null) {
                request.header("Content-Type", "application/json; charset=utf-8");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----simtest" + System.nanoTime();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (fileField != null) {
                // a null fileName sends the part without filename, as the Node SDK does for a Buffer
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\""
                        + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply reply(HttpResponse<byte[]> response) {
        JsonNode json = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json")) {
            try {
                json = mapper.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
        }
        return new Reply(response.statusCode(), json, response.body(), response.headers());
    }

    record Reply(int status, JsonNode json, byte[] bytes, java.net.http.HttpHeaders headers) {

        int code() {
            return json.path("code").asInt();
        }

        JsonNode data() {
            return json.path("data");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (json != null ? json.toString() : new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
