package io.github.camellark.lark.testkit.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Batch messages: one p2p message per recipient, recalled together, with a progress that advances per query. */
final class BatchStore {

    private final StateContext context;
    private final ChatRoster chats;
    private final MessageStore messages;
    private final Sender bot;
    private final Map<String, SimBatchMessage> batches = new LinkedHashMap<>();

    BatchStore(StateContext context, ChatRoster chats, MessageStore messages, Sender bot) {
        this.context = context;
        this.chats = chats;
        this.messages = messages;
        this.bot = bot;
    }

    void clear() {
        batches.clear();
    }

    SimBatchMessage createBatch(String msgType, String batchContentJson, String messageContent, List<SimUser> recipients) {
        List<SimMessage> created = new ArrayList<>();
        String batchId = context.ids.batchMessageId();
        for (SimUser user : recipients) {
            created.add(messages.post(chats.p2pChat(user), bot, msgType, messageContent, batchId));
        }
        synchronized (context.lock) {
            SimBatchMessage batch = new SimBatchMessage(batchId, msgType, batchContentJson, recipients,
                    created.stream().map(SimMessage::messageId).toList(), context.now());
            batches.put(batchId, batch);
            return batch;
        }
    }

    Optional<SimBatchMessage> batchMessage(String batchMessageId) {
        synchronized (context.lock) {
            return Optional.ofNullable(batches.get(batchMessageId));
        }
    }

    List<SimBatchMessage> batchMessages() {
        synchronized (context.lock) {
            return List.copyOf(batches.values());
        }
    }

    void recallBatch(SimBatchMessage batch) {
        batch.recall();
        for (String id : batch.messageIds()) {
            messages.message(id).filter(m -> !m.deleted()).ifPresent(m -> messages.recall(m, bot));
        }
    }
}
