package io.github.camellark.lark.support;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * A self-signed certificate for 127.0.0.1, made at run time with the JDK's keytool into a PKCS12 store, and what trusts
 * it: Camel's {@link SSLContextParameters} with that store as trust store, as a user would configure a corporate CA.
 */
public final class SelfSignedTls {

    public static final String PASSWORD = "changeit";

    private final Path keyStore;

    private SelfSignedTls(Path keyStore) {
        this.keyStore = keyStore;
    }

    /** Generates the key pair and certificate in {@code dir}. */
    public static SelfSignedTls create(Path dir) throws Exception {
        Path store = dir.resolve("lark-test.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "lark", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(store)) {
            throw new IllegalStateException("keytool failed: " + new String(output));
        }
        return new SelfSignedTls(store);
    }

    public Path keyStore() {
        return keyStore;
    }

    /** Camel's TLS settings trusting this certificate. */
    public SSLContextParameters trustingParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource(keyStore.toUri().toString());
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A server-side context presenting the certificate. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
