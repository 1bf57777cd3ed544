package io.github.camellark.lark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool when the benchmark starts (RSA 2048, valid two
 * days): a PKCS12 key store for the HTTPS stub and a PKCS12 trust store holding only its certificate.
 * {@link #trustByDefault()} makes that trust store the JVM's default, so every client (the SDK's OkHttp, Vert.x, raw TLS
 * sockets) trusts the stub without client-specific settings, as each trusts a real CA-signed Lark.
 */
record TlsCertificate(Path keyStore, Path trustStore) {

    /** Both stores' password; the stores are throw-away files under target/. */
    static final String PASSWORD = "bench-changeit";

    static TlsCertificate generate(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("stub-key.p12");
        Path certificate = dir.resolve("stub.crt");
        Path trustStore = dir.resolve("stub-trust.p12");
        for (Path old : List.of(keyStore, certificate, trustStore)) {
            Files.deleteIfExists(old);
        }
        keytool("-genkeypair", "-alias", "stub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "stub", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "stub", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        return new TlsCertificate(keyStore, trustStore);
    }

    /**
     * The JVM's default trust store becomes this one. Must run before any class reads the default SSLContext, so
     * BenchMain calls it first thing.
     */
    void trustByDefault() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
