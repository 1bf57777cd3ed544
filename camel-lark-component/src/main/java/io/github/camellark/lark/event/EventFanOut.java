package io.github.camellark.lark.event;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline a shared connection feeds: every event goes to the pipeline of every registered consumer, and Lark gets
 * one answer for all of them.
 * <ul>
 * <li>Success when every pipeline answered success; a pipeline that filtered the event out answers success, so an
 * event only one consumer wants is acknowledged as soon as that consumer routed it.</li>
 * <li>Failure when any pipeline failed: Lark redelivers, and the pipelines that already routed the event drop the
 * redelivery through their own idempotent repository, so only the failing consumer routes it again.</li>
 * <li>A card callback reply comes from the pipeline that produced one; when several did, the first registered wins.</li>
 * <li>The answer comes when every pipeline has answered; each answers by its own {@code eventDeadline} at the latest.</li>
 * </ul>
 * Each pipeline parses the event itself, so no two routes share the mutable body {@code Map}.
 */
public final class EventFanOut implements EventPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(EventFanOut.class);

    private final List<EventPipeline> pipelines = new CopyOnWriteArrayList<>();

    void add(EventPipeline pipeline) {
        pipelines.add(pipeline);
    }

    void remove(EventPipeline pipeline) {
        pipelines.remove(pipeline);
    }

    @Override
    public CompletableFuture<EventAck> process(byte[] envelope) {
        return fanOut((pipeline, first) -> pipeline.process(envelope));
    }

    /** The first pipeline gets the envelope the transport parsed, the others their own copy parsed from its JSON. */
    @Override
    public CompletableFuture<EventAck> process(EventEnvelope envelope) {
        return fanOut((pipeline, first) -> first ? pipeline.process(envelope)
                : pipeline.process(envelope.rawBytes()));
    }

    /** Room only when every pipeline has room: one full consumer makes Lark redeliver the event. */
    @Override
    public boolean accepting() {
        return pipelines.stream().allMatch(EventPipeline::accepting);
    }

    @Override
    public void onceAccepting(Runnable resume) {
        onceAllAccepting(List.copyOf(pipelines).iterator(), resume);
    }

    private static void onceAllAccepting(Iterator<EventPipeline> remaining, Runnable resume) {
        if (!remaining.hasNext()) {
            resume.run();
        } else {
            remaining.next().onceAccepting(() -> onceAllAccepting(remaining, resume));
        }
    }

    private CompletableFuture<EventAck> fanOut(BiFunction<EventPipeline, Boolean, CompletableFuture<EventAck>> processing) {
        List<EventPipeline> now = List.copyOf(pipelines);
        if (now.isEmpty()) {
            // the last consumer is leaving: Lark redelivers, to whichever connection is there then
            return CompletableFuture.completedFuture(EventAck.failed());
        }
        List<CompletableFuture<EventAck>> answers = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            answers.add(processSafely(now.get(i), i == 0, processing));
        }
        if (answers.size() == 1) {
            return answers.get(0);
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(allAnswered -> combine(answers.stream().map(CompletableFuture::join).toList()));
    }

    private static CompletableFuture<EventAck> processSafely(EventPipeline pipeline, boolean first,
                                                             BiFunction<EventPipeline, Boolean, CompletableFuture<EventAck>> processing) {
        try {
            return processing.apply(pipeline, first).exceptionally(EventFanOut::failed);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e));
        }
    }

    private static EventAck failed(Throwable error) {
        LOG.warn("Processing an event failed; Lark is answered with a failure and will redeliver it", error);
        return EventAck.failed();
    }

    /** One answer from the answers of all pipelines, in registration order. */
    static EventAck combine(List<EventAck> answers) {
        if (answers.stream().anyMatch(answer -> !answer.success())) {
            return answers.stream().anyMatch(EventAck::busy) ? EventAck.overloaded() : EventAck.failed();
        }
        return answers.stream().filter(EventAck::hasReply).findFirst()
                .or(() -> answers.stream().filter(answer -> answer.callbackBody() != null).findFirst())
                .orElse(EventAck.delivered());
    }
}
