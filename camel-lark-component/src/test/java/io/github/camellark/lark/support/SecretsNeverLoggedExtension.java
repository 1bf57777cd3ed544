package io.github.camellark.lark.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camellark.lark.testkit.LarkSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's one secret-leak guard, registered for every test class (JUnit extension auto-detection). After each test,
 * the lines it logged (captured by {@link LogCapture}, our packages at DEBUG) must not hold a secret of that test; after
 * each class, neither may the lines logged since the class started (set-up, tear-down, late threads). A test's secrets
 * are:
 * <ul>
 *   <li>every String constant of the test class and its superclasses whose name ends in {@code SECRET}, {@code TOKEN},
 *       {@code KEY} or {@code TICKET} (e.g. {@code APP_SECRET}, {@code ENCRYPT_KEY}, {@code HOOK_TOKEN}, {@code APP_TICKET});</li>
 *   <li>the app secret, Verification Token and Encrypt Key of every {@link LarkSimulator} field of the test;</li>
 *   <li>the simulator's default app secret and Verification Token;</li>
 *   <li>anything shaped like a token the simulator issues, a custom-bot hook or a long-connection URL's access key or
 *       ticket ({@link #TOKEN_SHAPES}).</li>
 * </ul>
 * Tests of how a feature masks a value (toString, exception messages, Camel Main's summary) assert that themselves.
 */
public class SecretsNeverLoggedExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Tenant and user tokens as the simulator mints them, custom-bot hook tokens, unmasked connection-URL parts. */
    static final Pattern TOKEN_SHAPES = Pattern.compile("\\bt-g[0-9a-f]{4}[A-Za-z0-9]{36}\\b|\\bu-[A-Za-z0-9]{40}\\b"
                                                        + "|/bot/v2/hook/[A-Za-z0-9_-]{8,}"
                                                        + "|\\baccess_key=(?!xxxxxx)[^&\\s]+|[?&]ticket=(?!xxxxxx)[^&\\s]+");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|TOKEN|KEY|TICKET)$");
    /** Shorter values could match ordinary words. */
    private static final int MIN_SECRET_LENGTH = 8;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecretsNeverLoggedExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("classStart", LogCapture.size());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("testStart", LogCapture.size());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Set<String> secrets = secretsOf(context.getRequiredTestClass(), context.getRequiredTestInstance());
        check(context, "testStart", secrets);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check(context, "classStart", secretsOf(context.getRequiredTestClass(), null));
    }

    private static void check(ExtensionContext context, String mark, Set<String> secrets) {
        Integer from = context.getStore(NAMESPACE).get(mark, Integer.class);
        List<String> leaks = leaks(LogCapture.linesFrom(from == null ? 0 : from), secrets);
        assertThat(leaks).as("log lines revealing a secret or token, logged by " + context.getDisplayName()).isEmpty();
    }

    /** The lines holding one of {@code secrets} or a {@link #TOKEN_SHAPES token shape}. */
    static List<String> leaks(List<String> lines, Set<String> secrets) {
        return lines.stream()
                .filter(line -> secrets.stream().anyMatch(line::contains) || TOKEN_SHAPES.matcher(line).find())
                .toList();
    }

    /** The secrets of a test class and, when given, of its instance's simulators. */
    static Set<String> secretsOf(Class<?> testClass, Object testInstance) {
        Set<String> secrets = new LinkedHashSet<>(List.of(LarkSimulator.DEFAULT_APP_SECRET, LarkSimulator.DEFAULT_VERIFICATION_TOKEN));
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Object value = valueOf(field, testInstance);
                if (value instanceof String text && SECRET_NAME.matcher(field.getName()).matches()) {
                    add(secrets, text);
                } else if (value instanceof LarkSimulator simulator) {
                    add(secrets, simulator.appSecret());
                    add(secrets, simulator.verificationToken());
                    add(secrets, simulator.encryptKey());
                }
            }
        }
        return secrets;
    }

    private static Object valueOf(Field field, Object testInstance) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if ((!isStatic && testInstance == null) || field.isSynthetic()) {
            return null;
        }
        try {
            field.setAccessible(true);
            return field.get(isStatic ? null : testInstance);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static void add(Set<String> secrets, String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH) {
            secrets.add(value);
        }
    }

}
