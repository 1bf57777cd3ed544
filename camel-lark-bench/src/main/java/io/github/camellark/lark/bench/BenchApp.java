package io.github.camellark.lark.bench;

/** The Lark app every client of the benchmark speaks for; the stub accepts any credentials. */
final class BenchApp {

    static final String APP_ID = "cli_a1b2c3d4e5f60718";
    static final String APP_SECRET = "bench-app-secret-not-a-real-one";
    static final String CHAT_ID = "oc_e95ed74912d3622abf838974fe095a48";
    static final String ENCRYPT_KEY = "bench-encrypt-key";
    static final String VERIFICATION_TOKEN = "bench-verification-token";

    private BenchApp() {
    }

    static String text(int i) {
        return "hello from the benchmark, message " + i;
    }

    /** The request body of message {@code i}, built the cheapest way (concatenation), for the ceiling clients. */
    static String messageJson(int i) {
        return "{\"receive_id\":\"" + CHAT_ID + "\",\"msg_type\":\"text\",\"content\":\"{\\\"text\\\":\\\"" + text(i)
                + "\\\"}\"}";
    }
}
