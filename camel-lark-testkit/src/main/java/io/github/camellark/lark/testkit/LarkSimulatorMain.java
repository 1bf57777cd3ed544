package io.github.camellark.lark.testkit;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.camellark.lark.testkit.control.ControlApi;
import io.github.camellark.lark.testkit.events.Webhook;

/**
 * The standalone simulator: {@code java -jar camel-lark-testkit-<version>-standalone.jar [options]}. It starts an empty
 * tenant on 127.0.0.1, prints one line of JSON with its base URL and credentials on standard output, and runs until it
 * is stopped (Ctrl-C, SIGTERM); then it prints the conversation on standard error. Other processes drive it through
 * the control API under {@value ControlApi#PREFIX} (see the testkit's README).
 * <p>
 * Every option can also come from the environment ({@code --app-id} from {@code LARK_SIM_APP_ID} and so on);
 * a flag wins over the environment.
 */
public final class LarkSimulatorMain {

    /** Flag name (without {@code --}) and what it sets. */
    private static final Map<String, String> OPTIONS = options();

    private LarkSimulatorMain() {
    }

    private static Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("port", "port on 127.0.0.1 (default 0: a free one)");
        options.put("app-id", "app id (default " + LarkSimulator.DEFAULT_APP_ID + ")");
        options.put("app-secret", "app secret (default " + LarkSimulator.DEFAULT_APP_SECRET + ")");
        options.put("encrypt-key", "Encrypt Key: webhook pushes are encrypted and signed with it (default none)");
        options.put("verification-token", "Verification Token events carry (default " + LarkSimulator.DEFAULT_VERIFICATION_TOKEN + ")");
        options.put("webhook-url", "push events to this URL (default: over the long connection once a client discovered it)");
        options.put("seed", "seed for reproducible ids (default random)");
        return options;
    }

    public static void main(String[] args) throws InterruptedException, JsonProcessingException {
        // the WebSocket library logs through SLF4J; the standalone jar has no provider, and says so unless told not to
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Map<String, String> settings;
        try {
            settings = settings(List.of(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (settings.containsKey("help")) {
            usage(System.out);
            return;
        }
        LarkSimulator sim = start(settings);
        Map<String, Object> facts = new LinkedHashMap<>(ControlApi.connectionFacts(sim));
        facts.put("webhook_url", settings.get("webhook-url"));
        System.out.println(sim.mapper().writeValueAsString(facts));
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Conversation:\n" + sim.conversation());
            sim.close();
            stopped.countDown();
        }, "lark-simulator-shutdown"));
        stopped.await();
    }

    /** A started simulator as the settings say, with the webhook delivery configured when a URL is given. */
    static LarkSimulator start(Map<String, String> settings) {
        LarkSimulator.Builder builder = LarkSimulator.builder();
        try {
            if (settings.containsKey("port")) {
                builder.port(Integer.parseInt(settings.get("port")));
            }
            if (settings.containsKey("seed")) {
                builder.seed(Long.parseLong(settings.get("seed")));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port and --seed take a number: " + e.getMessage(), e);
        }
        if (settings.containsKey("app-id")) {
            builder.appId(settings.get("app-id"));
        }
        if (settings.containsKey("app-secret")) {
            builder.appSecret(settings.get("app-secret"));
        }
        if (settings.containsKey("verification-token")) {
            builder.verificationToken(settings.get("verification-token"));
        }
        builder.encryptKey(settings.get("encrypt-key"));
        LarkSimulator sim = builder.start();
        String webhookUrl = settings.get("webhook-url");
        if (webhookUrl != null && !webhookUrl.isEmpty()) {
            try {
                Webhook hook = sim.webhook(webhookUrl);
                sim.events().deliverTo(sim.encryptKey() == null ? hook : hook.withEncryptKey(sim.encryptKey()));
            } catch (RuntimeException e) {
                // not returned, so nothing else would free its port and threads or delete its files
                sim.close();
                throw e;
            }
        }
        return sim;
    }

    /**
     * Settings from {@code --name value} / {@code --name=value} flags over {@code LARK_SIM_NAME} environment variables;
     * a lone number is the port (the old command line).
     */
    static Map<String, String> settings(List<String> args, Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String option : OPTIONS.keySet()) {
            String value = environment.get("LARK_SIM_" + option.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (value != null) {
                settings.put(option, value);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                settings.put("help", "");
                continue;
            }
            if (arg.matches("\\d+") && args.size() == 1) {
                settings.put("port", arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (eq < 0 && i + 1 >= args.size()) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            settings.put(name, eq < 0 ? args.get(++i) : arg.substring(eq + 1));
        }
        return settings;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar camel-lark-testkit-<version>-standalone.jar [options]");
        OPTIONS.forEach((name, help) -> out.printf("  --%-20s %s (env LARK_SIM_%s)%n", name + " <value>", help,
                name.toUpperCase(Locale.ROOT).replace('-', '_')));
        out.println("Prints {\"base_url\",\"control_url\",\"app_id\",\"app_secret\",...} as one JSON line, then serves until stopped.");
    }
}
