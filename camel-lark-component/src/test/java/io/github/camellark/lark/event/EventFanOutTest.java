package io.github.camellark.lark.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the answers of the consumers sharing one connection become Lark's one answer. */
class EventFanOutTest {

    private static final byte[] EVENT = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"ev-1\",\"event_type\":\"x\"},\"event\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    private final EventFanOut fanOut = new EventFanOut();

    /** A pipeline whose answer the test gives when it wants, and which records what it was given. */
    private static final class Answering implements EventPipeline {
        final CompletableFuture<EventAck> answer = new CompletableFuture<>();
        final List<Object> received = new ArrayList<>();

        @Override
        public CompletableFuture<EventAck> process(byte[] envelope) {
            received.add(envelope);
            return answer;
        }

        @Override
        public CompletableFuture<EventAck> process(EventEnvelope envelope) {
            received.add(envelope);
            return answer;
        }
    }

    private Answering member() {
        Answering pipeline = new Answering();
        fanOut.add(pipeline);
        return pipeline;
    }

    private static EventAck reply(String json) {
        return EventAck.reply(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyPipelineGetsTheEventAndLarkIsAnsweredOnceAllHaveAnswered() {
        Answering filtering = member();
        Answering routing = member();

        CompletableFuture<EventAck> answer = fanOut.process(EVENT);

        assertThat(filtering.received).containsExactly(EVENT);
        assertThat(routing.received).containsExactly(EVENT);
        filtering.answer.complete(EventAck.delivered());
        assertThat(answer).as("the routing pipeline has not answered yet").isNotDone();
        routing.answer.complete(EventAck.delivered());
        assertThat(answer.join().success()).isTrue();
    }

    @Test
    void oneFailureMakesLarkRedeliverEvenWhenTheOthersSucceeded() {
        Answering succeeding = member();
        Answering failing = member();

        CompletableFuture<EventAck> answer = fanOut.process(EVENT);
        failing.answer.complete(EventAck.failed());
        assertThat(answer).as("waits for every pipeline, each bounded by its own deadline").isNotDone();
        succeeding.answer.complete(EventAck.delivered());

        assertThat(answer.join().success()).isFalse();
    }

    @Test
    void aPipelineThatThrowsOrFailsItsFutureCountsAsAFailure() {
        member().answer.complete(EventAck.delivered());
        fanOut.add(envelope -> {
            throw new IllegalStateException("broken");
        });
        assertThat(fanOut.process(EVENT).join().success()).isFalse();

        EventFanOut other = new EventFanOut();
        other.add(envelope -> CompletableFuture.failedFuture(new IllegalStateException("broken")));
        assertThat(other.process(EVENT).join().success()).isFalse();
    }

    @Test
    void theCardReplyComesFromThePipelineThatProducedOneAndTheFirstRegisteredWins() {
        assertThat(EventFanOut.combine(List.of(reply("{}"), reply("{\"toast\":\"b\"}"))).callbackBody())
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"toast\":\"b\"}");
        assertThat(EventFanOut.combine(List.of(reply("{\"toast\":\"a\"}"), reply("{\"toast\":\"b\"}"))).callbackBody())
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"toast\":\"a\"}");
        assertThat(EventFanOut.combine(List.of(reply("{}"), reply("{}"))).callbackBody())
                .as("nobody replied: keep the card").asString(StandardCharsets.UTF_8).isEqualTo("{}");
        assertThat(EventFanOut.combine(List.of(EventAck.delivered(), EventAck.delivered())).callbackBody()).isNull();
        assertThat(EventFanOut.combine(List.of(reply("{\"toast\":\"a\"}"), EventAck.failed())).success()).isFalse();
    }

    @Test
    void theFirstPipelineGetsTheParsedEnvelopeAndTheOthersTheirOwnCopy() {
        Answering first = member();
        Answering second = member();
        EventEnvelope envelope = EventEnvelope.parse(EVENT, new ObjectMapper());

        fanOut.process(envelope);

        assertThat(first.received).containsExactly(envelope);
        assertThat(second.received).singleElement().isInstanceOfSatisfying(byte[].class,
                bytes -> assertThat(bytes).isEqualTo(EVENT));
    }

    @Test
    void withoutPipelinesLarkRedeliversLater() {
        assertThat(fanOut.process(EVENT).join().success()).isFalse();

        Answering left = member();
        fanOut.remove(left);

        assertThat(fanOut.process(EVENT).join().success()).isFalse();
        assertThat(left.received).isEmpty();
    }
}
