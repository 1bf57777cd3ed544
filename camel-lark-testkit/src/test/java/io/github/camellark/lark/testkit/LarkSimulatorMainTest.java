package io.github.camellark.lark.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellark.lark.testkit.state.SimUser;

/** How the standalone simulator reads its settings; the process itself is run by the component's StandaloneSimulatorProcessCheck. */
class LarkSimulatorMainTest {

    @Test
    void flagsWinOverTheEnvironment() {
        Map<String, String> settings = LarkSimulatorMain.settings(List.of("--app-id", "cli_0123456789abcdef", "--seed=7"),
                Map.of("LARK_SIM_APP_ID", "cli_ffffffffffffffff", "LARK_SIM_ENCRYPT_KEY", "k", "PATH", "/bin"));

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(Map.of("app-id", "cli_0123456789abcdef", "seed", "7", "encrypt-key", "k"));
    }

    @Test
    void aLoneNumberIsThePortAsBefore() {
        assertThat(LarkSimulatorMain.settings(List.of("8899"), Map.of())).containsEntry("port", "8899");
    }

    @Test
    void unknownOrIncompleteOptionsAreNamed() {
        assertThatThrownBy(() -> LarkSimulatorMain.settings(List.of("--colour", "red"), Map.of())).hasMessageContaining("--colour");
        assertThatThrownBy(() -> LarkSimulatorMain.settings(List.of("--port"), Map.of())).hasMessageContaining("--port needs a value");
    }

    @Test
    void theWebhookUrlAndEncryptKeyConfigureTheDelivery() {
        try (LarkSimulator sim = LarkSimulatorMain.start(Map.of("webhook-url", "http://127.0.0.1:9/lark", "encrypt-key", "k3y",
                "verification-token", "vt"))) {
            assertThat(sim.encryptKey()).isEqualTo("k3y");
            assertThat(sim.verificationToken()).isEqualTo("vt");
            assertThat(sim.appId()).isEqualTo(LarkSimulator.DEFAULT_APP_ID);

            SimUser alice = sim.createUser("Alice");
            sim.userSays(alice, sim.createChat("ops-room", alice), "hello");

            await().until(() -> !sim.events().webhookDeliveries().isEmpty());
            assertThat(sim.events().webhookDeliveries().get(0).url()).hasToString("http://127.0.0.1:9/lark");
        }
    }

    @Test
    void aWebhookUrlThatIsNoUrlFailsAndFreesTheSimulatorsPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThatThrownBy(() -> LarkSimulatorMain.start(Map.of("port", Integer.toString(port), "webhook-url", "http://no url")))
                .isInstanceOf(IllegalArgumentException.class);

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
