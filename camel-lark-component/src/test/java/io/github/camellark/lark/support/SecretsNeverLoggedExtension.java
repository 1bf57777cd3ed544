package io.github.camellark.lark.support;

import java.util.List;
import java.util.regex.Pattern;

import io.github.camellark.lark.testkit.LarkSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered for every test class (JUnit extension auto-detection): after each class, everything the suite has logged so
 * far (captured by {@link LogCapture}, our packages at DEBUG) is searched for the secrets tests use and for any access
 * token the simulator issues. A leak fails the class that was running when it was logged, or the next one.
 */
public class SecretsNeverLoggedExtension implements AfterAllCallback {

    private static final List<String> KNOWN_SECRETS = List.of(LarkTestSupport.APP_SECRET, LarkTestSupport.TENANT_TOKEN,
            LarkSimulator.DEFAULT_APP_SECRET, LarkSimulator.DEFAULT_VERIFICATION_TOKEN);
    /** Tenant and user tokens as the simulator mints them, and the token part of custom-bot webhook URLs. */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("\\bt-g[0-9a-f]{4}[A-Za-z0-9]{36}\\b|\\bu-[A-Za-z0-9]{40}\\b"
                                                                + "|/bot/v2/hook/[A-Za-z0-9_-]{8,}");

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = LogCapture.lines().stream()
                .filter(line -> KNOWN_SECRETS.stream().anyMatch(line::contains) || ISSUED_TOKEN.matcher(line).find())
                .toList();
        assertThat(leaks).as("log lines revealing a secret or token, captured up to " + context.getDisplayName()).isEmpty();
    }
}
