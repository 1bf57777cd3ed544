package io.github.camellark.lark.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class MainTest {

    @Test
    void offlineTheFourScenariosRunOneAfterTheOtherAndTheProgramEndsByItself() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Main.runOffline(false, out);
        }
        String conversation = printed.toString(StandardCharsets.UTF_8);
        assertThat(conversation)
                .contains("== 1. Alert group bot", "== 2. Department broadcast", "== 3. Welcome bot", "== 4. Card interaction bot")
                .contains("#[critical] Disk almost full on db-1  Sim Bot: [card: Disk almost full on db-1]")
                .contains("#[critical] Disk almost full on db-1  (Sim Bot pins \"[card: Disk almost full on db-1]\")")
                .contains("(Sim Bot buzzes Alice about")
                .contains("[p2p Dave]  Sim Bot: Maintenance tonight")
                .contains("#general  Sim Bot: Welcome to general!: Hi @Carol, glad to have you here.")
                .contains("#general    ↳ (thread) Sim Bot: I know: /help")
                .contains("#general  (Bob clicks Approve)")
                .contains("#general  (Bob sees the toast \"Approved\")")
                .contains("Sim Bot: [card: Approved: Deploy v2.3 to production]   <- card updated")
                .contains("Sim Bot: [card: Approved and recorded: Deploy v2.3 to production]   <- card updated")
                .contains("All five scenarios completed");
    }

    @Test
    void againstTheRealLarkOnlyTheConfigurationComesFromTheEnvironment() {
        Map<String, String> properties = Main.larkProperties(Map.of(
                "LARK_APP_ID", "cli_a1b2c3d4e5f60718", "LARK_APP_SECRET", "secret", "LARK_DOMAIN", "lark",
                "LARK_ENCRYPT_KEY", "key", "LARK_ONCALL", "ou_1,ou_2", "LARK_CHAT_ID", "oc_1"));

        assertThat(properties).containsOnly(
                entry("camel.component.lark.app-id", "cli_a1b2c3d4e5f60718"),
                entry("camel.component.lark.app-secret", "secret"),
                entry("camel.component.lark.domain", "lark"),
                entry("camel.component.lark.encrypt-key", "key"),
                entry("alert.oncall", "ou_1,ou_2"));
        assertThat(Main.larkProperties(Map.of("LARK_APP_ID", "cli_x", "LARK_APP_SECRET", "s")))
                .containsOnlyKeys("camel.component.lark.app-id", "camel.component.lark.app-secret");
    }
}
