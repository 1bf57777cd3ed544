package io.github.camellark.lark.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The physical ceiling: what {@code java.net.http.HttpClient} alone does against the stub, with the least work a Lark
 * client can do per message (one pre-fetched token, a body built by concatenation, only the status checked). If this
 * is far faster than every real client, the stub is not what limits them.
 */
final class BareHttpClientSender implements SendHarness.AsyncClient {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final URI messages;
    private final String authorization;

    BareHttpClientSender(URI baseUri) throws Exception {
        messages = URI.create(baseUri + "/open-apis/im/v1/messages?receive_id_type=chat_id");
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(baseUri + "/open-apis/auth/v3/tenant_access_token/internal"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"" + BenchApp.APP_ID + "\",\"app_secret\":\""
                        + BenchApp.APP_SECRET + "\"}"))
                .build();
        String reply = http.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).body();
        int start = reply.indexOf("\"tenant_access_token\":\"") + 23;
        authorization = "Bearer " + reply.substring(start, reply.indexOf('"', start));
    }

    @Override
    public void send(int i, Consumer<Throwable> done) {
        HttpRequest request = HttpRequest.newBuilder(messages)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BenchApp.messageJson(i).getBytes(StandardCharsets.UTF_8)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                done.accept(failure);
            } else if (response.statusCode() != 200) {
                done.accept(new IllegalStateException("HTTP " + response.statusCode()));
            } else {
                done.accept(null);
            }
        });
    }
}
