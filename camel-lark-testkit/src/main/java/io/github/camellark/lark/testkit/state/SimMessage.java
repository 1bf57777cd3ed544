package io.github.camellark.lark.testkit.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message in a simulated chat. Immutable facts (id, chat, sender, time) are fields; what can
 * change later (edits, recall, reads, follow-ups) is updated by {@link SimulatorState} under its lock.
 */
public final class SimMessage {

    private final String messageId;
    private final String chatId;
    private final Sender sender;
    private final Instant createTime;
    private final String rootId;
    private final String parentId;
    private final String upperMessageId;
    private final String batchMessageId;
    private volatile String threadId;
    private volatile String msgType;
    private volatile String content;
    private volatile List<Mention> mentions;
    private volatile Instant updateTime;
    private volatile boolean deleted;
    private volatile boolean updated;
    private volatile int editCount;
    private final Map<String, Instant> readers = new LinkedHashMap<>();
    private final List<String> followUps = new ArrayList<>();

    SimMessage(String messageId, String chatId, Sender sender, Instant createTime, String msgType, String content,
            List<Mention> mentions, String rootId, String parentId, String threadId, String upperMessageId,
            String batchMessageId) {
        this.messageId = messageId;
        this.chatId = chatId;
        this.sender = sender;
        this.createTime = createTime;
        this.updateTime = createTime;
        this.msgType = msgType;
        this.content = content;
        this.mentions = List.copyOf(mentions);
        this.rootId = rootId;
        this.parentId = parentId;
        this.threadId = threadId;
        this.upperMessageId = upperMessageId;
        this.batchMessageId = batchMessageId;
    }

    public String messageId() {
        return messageId;
    }

    public String chatId() {
        return chatId;
    }

    public Sender sender() {
        return sender;
    }

    public Instant createTime() {
        return createTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    public String msgType() {
        return msgType;
    }

    /**
     * The content as Lark returns it ({@code body.content}): a JSON string; for text, {@code <at>}
     * tags are replaced by the {@link #mentions()} keys.
     */
    public String content() {
        return content;
    }

    public List<Mention> mentions() {
        return mentions;
    }

    public String rootId() {
        return rootId;
    }

    public String parentId() {
        return parentId;
    }

    public String threadId() {
        return threadId;
    }

    /** For a child of a merge-forward message: the id of that message. */
    public String upperMessageId() {
        return upperMessageId;
    }

    /** The {@code bm-…} id when the message was created by batch_send. */
    public String batchMessageId() {
        return batchMessageId;
    }

    /** Recalled. */
    public boolean deleted() {
        return deleted;
    }

    /** Edited. */
    public boolean updated() {
        return updated;
    }

    public int editCount() {
        return editCount;
    }

    /** open_id → read time of the users who read the message. */
    public synchronized Map<String, Instant> readers() {
        return Map.copyOf(readers);
    }

    public synchronized List<String> followUps() {
        return List.copyOf(followUps);
    }

    void threadId(String threadId) {
        this.threadId = threadId;
    }

    void edit(String msgType, String content, List<Mention> mentions, Instant at, boolean countsAsEdit) {
        this.msgType = msgType;
        this.content = content;
        this.mentions = List.copyOf(mentions);
        this.updateTime = at;
        if (countsAsEdit) {
            this.updated = true;
            this.editCount++;
        }
    }

    void recall(Instant at) {
        this.deleted = true;
        this.updateTime = at;
    }

    synchronized boolean markRead(String openId, Instant at) {
        return readers.putIfAbsent(openId, at) == null;
    }

    synchronized void addFollowUps(List<String> contents) {
        followUps.addAll(contents);
    }

    @Override
    public String toString() {
        return messageId + " " + msgType + " from " + sender.name() + " in " + chatId + ": " + content;
    }
}
