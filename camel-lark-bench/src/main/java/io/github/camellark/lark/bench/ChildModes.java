package io.github.camellark.lark.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;

/** What the child JVMs run; each prints {@code RESULT key=value} lines for {@link ChildJvm}. */
final class ChildModes {

    private ChildModes() {
    }

    /** From before {@code new DefaultCamelContext()} to the reply of the first message (token fetch included). */
    static void startupCamel() throws Exception {
        URI base = baseUri();
        long start = System.nanoTime();
        try (CamelSender camel = new CamelSender(base)) {
            camel.sendAndWait(0);
            result("first-message-ms", (System.nanoTime() - start) / 1_000_000);
            result("jvm-uptime-ms", ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    /** From before {@code Client.newBuilder(...).build()} to the reply of the first message (token fetch included). */
    static void startupSdk() throws Exception {
        URI base = baseUri();
        long start = System.nanoTime();
        SdkSender sdk = new SdkSender(base);
        sdk.send(0);
        result("first-message-ms", (System.nanoTime() - start) / 1_000_000);
        result("jvm-uptime-ms", ManagementFactory.getRuntimeMXBean().getUptime());
    }

    static URI baseUri() {
        String base = System.getProperty("bench.baseUri");
        if (base == null) {
            throw new IllegalStateException("child mode needs -Dbench.baseUri (the parent's stub)");
        }
        return URI.create(base);
    }

    static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }
}
