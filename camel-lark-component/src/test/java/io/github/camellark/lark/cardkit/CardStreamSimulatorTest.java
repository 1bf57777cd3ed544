package io.github.camellark.lark.cardkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.SimulatorTestSupport;
import io.github.camellark.lark.testkit.state.SimCardEntity;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code lark:cardkit?operation=stream} against the simulator, which refuses what Lark refuses: a sequence that does not
 * grow, more than 10 operations per second on one card, text pushed to a card out of streaming mode.
 */
class CardStreamSimulatorTest extends SimulatorTestSupport {

    private static final int RATE = 5;

    @Override
    protected void configureLark(LarkComponent component) {
        component.getConfiguration().setRetryBackoff(10);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:answer")
                        .onException(Exception.class).handled(true)
                            .setBody(constant(""))
                            .to("lark:cardkit?operation=stream&streamTitle=Answer")
                        .end()
                        .split(method(CardStreamSimulatorTest.class, "model")).streaming()
                            .to("lark:cardkit?operation=stream&streamTitle=Answer");
            }
        };
    }

    /** The "model": the words of the question's answer, failing when the question says so. */
    public static Iterator<String> model(Exchange exchange) {
        String question = exchange.getMessage().getBody(String.class);
        List<String> words = List.of("Restart ", "the ", "VPN ", "client, ", "then ", "sign ", "in ", "again.");
        Iterator<String> answer = words.iterator();
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return answer.hasNext();
            }

            @Override
            public String next() {
                if (question.contains("fail") && given == 3) {
                    throw new IllegalStateException("model quota exceeded (internal detail)");
                }
                given++;
                if (!answer.hasNext()) {
                    throw new NoSuchElementException();
                }
                return answer.next();
            }
        };
    }

    @Test
    void fiftyConcurrentStreamsOfTwoHundredChunksEachEndWithTheirWholeTextAndNothingRefused() throws Exception {
        SimUser alice = lark.createUser("Alice");
        SimChat chat = lark.createChat("help-desk-load", alice);
        Producer producer = context.getEndpoint("lark:cardkit?operation=stream&streamMaxUpdatesPerSecond=" + RATE).createProducer();
        producer.start();
        AsyncProcessor writer = (AsyncProcessor) producer;
        ScheduledExecutorService feeders = Executors.newScheduledThreadPool(8);
        Random random = new Random(16);
        Map<String, String> expected = new ConcurrentHashMap<>();
        List<CompletableFuture<Exchange>> sent = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int s = 0; s < 50; s++) {
                String key = "question-" + s;
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 200; i++) {
                    String chunk = "s" + s + "c" + i + " ";
                    text.append(chunk);
                    long index = i;
                    // chunks of a stream come every 5 ms, give or take a jitter that lets neighbours overtake each other
                    feeders.schedule(() -> sent.add(writer.processAsync(chunk(key, index, index == 199, chunk, chat.chatId()))),
                            i * 5L + random.nextInt(12), TimeUnit.MILLISECONDS);
                }
                expected.put(key, text.toString());
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> sent.size() == 50 * 200);
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            feeders.shutdownNow();
            producer.stop();
        }

        List<Exchange> lastChunks = sent.stream().map(CompletableFuture::join)
                .filter(e -> Boolean.TRUE.equals(e.getMessage().getHeader(LarkConstants.STREAM_LAST))).toList();
        assertThat(sent).allSatisfy(f -> assertThat(f.join().getException()).isNull());
        assertThat(lastChunks).hasSize(50);
        for (Exchange last : lastChunks) {
            SimCardEntity card = lark.state().cardEntities().card(last.getMessage().getHeader(LarkConstants.CARD_ID, String.class))
                    .orElseThrow();
            String key = last.getMessage().getHeader(LarkConstants.STREAM_KEY, String.class);
            assertThat(card.elementText("answer").orElseThrow()).contains(expected.get(key));
            assertThat(card.streamingMode()).isFalse();
            assertThat(card.refusals()).isZero();
            // operations start at least 1/RATE s apart; one more may fall in a second at the server through network jitter
            assertThat(card.maxUpdatesInOneSecond()).isLessThanOrEqualTo(RATE + 1);
            assertThat(card.sequences()).isSorted().doesNotHaveDuplicates();
            assertThat(last.getMessage().getHeader(LarkConstants.CARD_SEQUENCE, Integer.class))
                    .isEqualTo(card.sequences().get(card.sequences().size() - 1) + 1);
        }
        List<SimMessage> cards = lark.state().messagesIn(chat);
        assertThat(cards).hasSize(50).allSatisfy(m -> assertThat(m.msgType()).isEqualTo("interactive"));
        assertThat(lark.conversation().in(chat).texts()).allSatisfy(text -> assertThat(text).matches("(?s)\\[card] s\\d+c0 .* \\(\\d+ updates\\)"));
    }

    @Test
    void chunksFasterThanTheUpdateRateAreCoalescedIntoAtMostThatManyUpdatesASecond() throws Exception {
        SimChat chat = lark.createChat("help-desk-fast", lark.createUser("Erin"));
        Producer producer = context.getEndpoint("lark:cardkit?operation=stream&streamMaxUpdatesPerSecond=" + RATE).createProducer();
        producer.start();
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Exchange>> sent = Collections.synchronizedList(new ArrayList<>());
        StringBuilder expected = new StringBuilder();
        try {
            // the first chunk's exchange completes once the card is shown
            sent.add(CompletableFuture.completedFuture(((AsyncProcessor) producer).processAsync(
                    chunk("fast-1", 0L, false, "w0 ", chat.chatId())).get(30, TimeUnit.SECONDS)));
            expected.append("w0 ");
            for (int i = 1; i < 300; i++) {
                String chunk = "w" + i + " ";
                expected.append(chunk);
                long index = i;
                // then one chunk every 5 ms for 1.5 s: 200 a second, where the card takes 5
                feeder.schedule(() -> sent.add(((AsyncProcessor) producer).processAsync(
                        chunk("fast-1", index, index == 299, chunk, chat.chatId()))), i * 5L, TimeUnit.MILLISECONDS);
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> sent.size() == 300);
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            feeder.shutdownNow();
            producer.stop();
        }

        String cardId = sent.get(sent.size() - 1).join().getMessage().getHeader(LarkConstants.CARD_ID, String.class);
        SimCardEntity card = lark.state().cardEntities().card(cardId).orElseThrow();
        assertThat(card.elementText("answer").orElseThrow()).isEqualTo(expected.toString());
        assertThat(card.refusals()).isZero();
        assertThat(card.maxUpdatesInOneSecond()).isLessThanOrEqualTo(RATE + 1);
        assertThat(card.updates()).isGreaterThan(2).isLessThan(300);
    }

    @Test
    void aStreamWithoutItsLastChunkIsEndedWhenIdle() {
        SimChat chat = lark.createChat("help-desk-idle", lark.createUser("Bob"));
        String uri = "lark:cardkit?operation=stream&streamIdleTimeout=500";

        Exchange first = template.send(uri, chunk("idle-1", 0L, false, "Half an ", chat.chatId()));
        Exchange second = template.send(uri, chunk("idle-1", 1L, false, "answer", chat.chatId()));

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        SimCardEntity card = lark.state().cardEntities().card(first.getMessage().getHeader(LarkConstants.CARD_ID, String.class))
                .orElseThrow();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !card.streamingMode());
        assertThat(card.elementText("answer").orElseThrow()).contains("Half an answer");
        Exchange late = template.send(uri, chunk("idle-1", 2L, false, " too late", chat.chatId()));
        assertThat(late.getException()).hasMessageContaining("idle-1").hasMessageContaining("already ended");
    }

    @Test
    void aFailingModelEndsTheCardInItsErrorState() {
        SimChat chat = lark.createChat("help-desk-errors", lark.createUser("Carol"));
        Exchange result = ask(chat, "why does the VPN fail?");

        assertThat(result.getException()).isNull();
        SimCardEntity card = lark.state().cardEntities().card(result.getMessage().getHeader(LarkConstants.CARD_ID, String.class))
                .orElseThrow();
        assertThat(card.streamingMode()).isFalse();
        assertThat(card.card().at("/header/template").asText()).isEqualTo("red");
        assertThat(card.title()).startsWith("⚠");
        assertThat(card.elementText("answer").orElseThrow()).contains("Restart the VPN ", "Sorry, the answer could not be completed.")
                .doesNotContain("quota");
        assertThat(lark.conversation().in(chat).texts().get(1)).startsWith("[card: ⚠ Answer] Restart the VPN");
    }

    @Test
    void aSplitAnswerIsTypedIntoOneCardRepliedToTheQuestion() {
        SimChat chat = lark.createChat("help-desk-split", lark.createUser("Dan"));
        Exchange result = ask(chat, "how do I reset the VPN?");

        assertThat(result.getException()).isNull();
        SimMessage question = lark.state().messagesIn(chat).get(0);
        SimMessage reply = lark.state().messagesIn(chat).get(1);
        assertThat(reply.parentId()).isEqualTo(question.messageId());
        assertThat(lark.conversation().in(chat).texts().get(1))
                .matches("\\[card: Answer] Restart the VPN client, then sign in again\\. \\(\\d+ updates?\\)");
    }

    /** The first member of the chat asks; the route answers in a card replied to the question. */
    private Exchange ask(SimChat chat, String text) {
        SimMessage question = lark.userSays(chat.members().get(0), chat, text);
        return template.send("direct:answer", e -> {
            e.getMessage().setBody(question.content());
            e.getMessage().setHeader(LarkConstants.MESSAGE_ID, question.messageId());
        });
    }

    private Exchange chunk(String key, Long index, boolean last, String text, String chatId) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(text);
        exchange.getMessage().setHeader(LarkConstants.STREAM_KEY, key);
        exchange.getMessage().setHeader(LarkConstants.STREAM_CHUNK, index);
        exchange.getMessage().setHeader(LarkConstants.STREAM_LAST, last);
        exchange.getMessage().setHeader(LarkConstants.RECEIVE_ID, chatId);
        return exchange;
    }
}
