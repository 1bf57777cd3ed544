package io.github.camellark.lark.support;

import java.util.List;
import java.util.Set;

import io.github.camellark.lark.testkit.LarkSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the suite-wide guard counts as a leak: a test's secret constants, its simulators' secrets, token shapes. */
class SecretsNeverLoggedExtensionTest {

    /** Stands for a test class: constants named like secrets, and one that is not a secret. */
    static class SomeTest {
        static final String APP_SECRET = "some-app-secret-0001";
        static final String HOOK_TOKEN = "some-hook-token-0001";
        static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
        final LarkSimulator sim;

        SomeTest(LarkSimulator sim) {
            this.sim = sim;
        }
    }

    @Test
    void aTestsSecretConstantsAndItsSimulatorsSecretsAreSecrets() {
        try (LarkSimulator sim = LarkSimulator.builder().appSecret("sim-app-secret-0002").encryptKey("sim-encrypt-key-0003").start()) {
            Set<String> secrets = SecretsNeverLoggedExtension.secretsOf(SomeTest.class, new SomeTest(sim));

            assertThat(secrets).contains("some-app-secret-0001", "some-hook-token-0001", "sim-app-secret-0002",
                    "sim-encrypt-key-0003", LarkSimulator.DEFAULT_VERIFICATION_TOKEN)
                    .doesNotContain(SomeTest.TOKEN_PATH);
        }
    }

    @Test
    void aLineWithASecretOrATokenShapeIsALeak() {
        Set<String> secrets = Set.of("some-app-secret-0001");
        List<String> lines = List.of(
                "INFO token refreshed for cli_x",
                "DEBUG body {\"app_secret\":\"some-app-secret-0001\"}",
                "DEBUG Authorization: Bearer t-g1044a1f2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8",
                "INFO posting to https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f",
                "INFO connecting to wss://127.0.0.1/ws?access_key=ak-123&service_id=1",
                "INFO connecting to wss://127.0.0.1/ws?access_key=xxxxxx&ticket=xxxxxx&service_id=1");

        assertThat(SecretsNeverLoggedExtension.leaks(lines, secrets)).containsExactly(lines.get(1), lines.get(2), lines.get(3),
                lines.get(4));
    }
}
