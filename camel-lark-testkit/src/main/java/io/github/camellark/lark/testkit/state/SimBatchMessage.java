package io.github.camellark.lark.testkit.state;

import java.time.Instant;
import java.util.List;

/**
 * A {@code message/v4/batch_send} delivery. Lark delivers asynchronously; the simulator mimics
 * that by advancing {@code success_user_ids_count} a step on every {@code get_progress} call.
 */
public final class SimBatchMessage {

    private final String batchMessageId;
    private final String msgType;
    private final String contentJson;
    private final List<SimUser> recipients;
    private final List<String> messageIds;
    private final Instant createTime;
    private int progressCalls;
    private boolean recalled;

    SimBatchMessage(String batchMessageId, String msgType, String contentJson, List<SimUser> recipients,
            List<String> messageIds, Instant createTime) {
        this.batchMessageId = batchMessageId;
        this.msgType = msgType;
        this.contentJson = contentJson;
        this.recipients = List.copyOf(recipients);
        this.messageIds = List.copyOf(messageIds);
        this.createTime = createTime;
    }

    public String batchMessageId() {
        return batchMessageId;
    }

    public String msgType() {
        return msgType;
    }

    /** The {@code content} (or {@code card}) object as sent, serialised. */
    public String contentJson() {
        return contentJson;
    }

    public List<SimUser> recipients() {
        return recipients;
    }

    /** The per-user messages the batch became. */
    public List<String> messageIds() {
        return messageIds;
    }

    public Instant createTime() {
        return createTime;
    }

    public synchronized boolean recalled() {
        return recalled;
    }

    synchronized void recall() {
        recalled = true;
    }

    /** Records one progress query and returns how many users the batch has reached so far. */
    synchronized int advanceProgress() {
        progressCalls++;
        int step = Math.max(1, (recipients.size() + 2) / 3);
        return Math.min(recipients.size(), step * progressCalls);
    }
}
