package io.github.camellark.lark.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How tests get a simulator: one per test class, injected, with a clean journal for every test. */
class LarkSimulatorExtensionTest {

    @Nested
    @ExtendWith(LarkSimulatorExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Injected {

        private static LarkSimulator firstSeen;

        @BeforeAll
        static void lifecycleMethodsGetItToo(LarkSimulator sim) {
            firstSeen = sim;
        }

        @Test
        @Order(1)
        void injectsARunningSimulator(LarkSimulator sim) {
            assertThat(sim).isSameAs(firstSeen);
            new RawLark(sim).authenticated().get("/open-apis/im/v1/pins?chat_id=oc_x");
            sim.faults().failNext(5, 500);
            assertThat(sim.journal().requests()).isNotEmpty();
        }

        @Test
        @Order(2)
        void everyTestStartsWithAnEmptyJournalAndNoFaults(LarkSimulator sim) {
            assertThat(sim).isSameAs(firstSeen);
            assertThat(sim.journal().requests()).isEmpty();
            assertThat(sim.faults().pending()).isZero();
        }
    }

    @Nested
    class Registered {

        @RegisterExtension
        static final LarkSimulatorExtension LARK = new LarkSimulatorExtension(
                LarkSimulator.builder().appId("cli_registered").appSecret("registered-secret").tokenLifetime(Duration.ofMinutes(5)));

        @Test
        void usesTheBuildersSettings() {
            LarkSimulator sim = LARK.simulator();
            RawLark.Reply token = new RawLark(sim).post("/open-apis/auth/v3/tenant_access_token/internal",
                    Map.of("app_id", "cli_registered", "app_secret", "registered-secret"));

            assertThat(sim.appId()).isEqualTo("cli_registered");
            assertThat(token.json().path("expire").asInt()).isEqualTo(300);
        }
    }
}
