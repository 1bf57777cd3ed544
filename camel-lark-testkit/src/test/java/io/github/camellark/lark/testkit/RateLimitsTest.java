package io.github.camellark.lark.testkit;

import io.github.camellark.lark.testkit.state.SimChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lark's rate limits, enforced on request, counted on the simulator's clock in every rolling window. */
class RateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final LarkSimulator sim = LarkSimulator.builder().clock(clock).tokenLifetime(Duration.ofDays(30)).start();
    private final RawLark lark = new RawLark(sim);
    private SimChat room;

    @BeforeEach
    void setUp() {
        room = sim.createChat("ops-room", sim.createUser("Alice"));
        lark.authenticated();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void offByDefault() {
        for (int i = 0; i < 10; i++) {
            assertThat(send(room.chatId()).code()).isZero();
        }
    }

    @Test
    void pastTheReceiversLimitInOneSecondASendIsRefusedWith230020() {
        sim.rateLimits().perReceiver(2).enforce();
        assertThat(send(room.chatId()).code()).isZero();
        clock.advance(Duration.ofMillis(500));
        assertThat(send(room.chatId()).code()).isZero();
        clock.advance(Duration.ofMillis(499));

        RawLark.Reply refused = send(room.chatId());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(230020);
        clock.advance(Duration.ofMillis(1));
        assertThat(send(room.chatId()).code()).as("one second after the first send").isZero();
        assertThat(sim.state().messagesIn(room)).hasSize(3);
    }

    @Test
    void pastTheAppsLimitAnImCallIsRefusedWith429AndLarksHeadersWhileOtherApisAreNotCounted() {
        sim.rateLimits().perApp(2, 1000).enforce();
        SimChat other = sim.createChat("other-room", sim.createUser("Bob"));
        send(room.chatId());
        send(other.chatId());

        RawLark.Reply refused = lark.get("/open-apis/im/v1/chats");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo(99991400);
        assertThat(refused.header("x-ogw-ratelimit-limit")).isEqualTo("2");
        assertThat(refused.header("x-ogw-ratelimit-reset")).isEqualTo("1");
        assertThat(lark.get("/open-apis/cardkit/v1/cards/nope").status()).isNotEqualTo(429);
    }

    @Test
    void offForgetsAndRestoresLarksLimits() {
        sim.rateLimits().perReceiver(1).enforce();
        send(room.chatId());
        sim.rateLimits().off().enforce();

        for (int i = 0; i < 5; i++) {
            assertThat(send(room.chatId()).code()).isZero();
        }
        assertThat(send(room.chatId()).code()).as("Lark's 5 a second again").isEqualTo(230020);
    }

    private RawLark.Reply send(String chatId) {
        return lark.post("/open-apis/im/v1/messages?receive_id_type=chat_id",
                Map.of("receive_id", chatId, "msg_type", "text", "content", "{\"text\":\"alert\"}"));
    }
}
