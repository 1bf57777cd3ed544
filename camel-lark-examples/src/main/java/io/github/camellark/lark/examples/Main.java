package io.github.camellark.lark.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.examples.offline.OfflineLark;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the examples.
 * <ul>
 * <li>Without credentials: against the Lark simulator in this process. Simulated people act out the five scenarios,
 * the conversation is printed as it happens, and the program ends when they are done ({@code --keep-running} keeps
 * it up).</li>
 * <li>With {@code LARK_APP_ID} and {@code LARK_APP_SECRET}: against the real Lark, events over the WebSocket long
 * connection, until stopped. Optional: {@code LARK_DOMAIN} ({@code feishu} or {@code lark}), {@code LARK_ENCRYPT_KEY},
 * {@code LARK_ONCALL} (open_ids of the on-call people for the alert group bot), {@code LARK_CHAT_ID} (a group to post a
 * first approval card to).</li>
 * </ul>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = Arrays.asList(args).contains("--keep-running");
        Map<String, String> env = System.getenv();
        if (isSet(env.get("LARK_APP_ID")) && isSet(env.get("LARK_APP_SECRET"))) {
            runAgainstLark(env);
        } else {
            runOffline(keepRunning, System.out);
        }
    }

    /** The real Lark: the events come over the WebSocket long connection (the default transport), until stopped. */
    private static void runAgainstLark(Map<String, String> env) throws Exception {
        org.apache.camel.main.Main camel = ExampleApp.create(larkProperties(env));
        String chatId = env.get("LARK_CHAT_ID");
        if (isSet(chatId)) {
            camel.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport main) {
                    main.getCamelContext().createProducerTemplate().sendBodyAndHeader(CardInteractionRoutes.REQUEST_APPROVAL,
                            new Approvals.Request("Try me: approve or reject this card", null), LarkConstants.RECEIVE_ID, chatId);
                }
            });
        }
        camel.run();
    }

    /** The app's settings for the real Lark, from the environment. */
    static Map<String, String> larkProperties(Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.lark.app-id", env.get("LARK_APP_ID"));
        properties.put("camel.component.lark.app-secret", env.get("LARK_APP_SECRET"));
        putIfSet(properties, "camel.component.lark.domain", env.get("LARK_DOMAIN"));
        putIfSet(properties, "camel.component.lark.encrypt-key", env.get("LARK_ENCRYPT_KEY"));
        putIfSet(properties, "alert.oncall", env.get("LARK_ONCALL"));
        return properties;
    }

    /** The simulator plays Lark and the people; the scenarios run one after the other, then the program ends. */
    static void runOffline(boolean keepRunning, PrintStream out) throws Exception {
        out.println("No LARK_APP_ID / LARK_APP_SECRET: running the examples against the Lark simulator in this process.");
        long started = System.nanoTime();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (OfflineLark lark = OfflineLark.start(out)) {
            org.apache.camel.main.Main camel = ExampleApp.create(lark.properties());
            camel.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport main) {
                    Thread players = new Thread(() -> {
                        try {
                            lark.scenarios().playAll();
                            out.printf("%nAll five scenarios completed in %.1f s.%n", (System.nanoTime() - started) / 1e9);
                        } catch (Throwable e) {
                            failure.set(e);
                        } finally {
                            if (!keepRunning || failure.get() != null) {
                                camel.completed();
                            } else {
                                out.println("--keep-running: the app and the simulator stay up (" + lark.simulator().baseUri()
                                            + "); stop with Ctrl+C.");
                            }
                        }
                    }, "lark-examples-players");
                    players.start();
                }
            });
            camel.run();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A scenario failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (isSet(value)) {
            properties.put(key, value);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
