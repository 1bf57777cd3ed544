package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated tenant: users, departments, chats, messages, pins, reactions, uploads, batch messages,
 * ephemeral cards, custom bots and card tokens. The REST handlers change it as Lark would; tests
 * and the events half read it and act as users ({@link #userSays}, {@link #userReacts},
 * {@link #markRead}). One lock guards everything; listeners run after it is released.
 * <p>
 * {@link TenantView} has the queries; this class the changes.
 */
public final class SimulatorState extends TenantView {

    /** How long Lark remembers a message {@code uuid}. */
    public static final Duration MESSAGE_UUID_WINDOW = Duration.ofHours(1);
    /** How long Lark remembers a chat-create {@code uuid}. */
    public static final Duration CHAT_UUID_WINDOW = Duration.ofHours(10);

    public SimulatorState(Clock clock, Ids ids, ObjectMapper mapper, String appId, String botName, String tenantKey,
            Path storeDir) {
        super(clock, ids, mapper, appId, botName, tenantKey, storeDir);
    }

    // ------------------------------------------------------------------ lifecycle and listeners

    /**
     * Forgets the whole tenant: users, departments, chats, messages and everything attached, uploads (their files
     * are deleted), card tokens, activities and remembered uuids. Listeners stay; nothing is fired.
     */
    public void clear() {
        List<StoredResource> stored;
        synchronized (context.lock) {
            directory.clear();
            chats.clear();
            messages.clear();
            pinsAndReactions.clear();
            batches.clear();
            cards.clear();
            activityLog.clear();
            idempotency.clear();
            stored = uploads.clear();
        }
        UploadStore.deleteFiles(stored);
    }

    public void addListener(StateListener listener) {
        context.addListener(listener);
    }

    public void removeListener(StateListener listener) {
        context.removeListener(listener);
    }

    // ------------------------------------------------------------------ users and departments

    public SimUser createUser(String name) {
        return directory.createUser(name);
    }

    public SimUser createUser(String name, String email) {
        return directory.createUser(name, email);
    }

    /**
     * A department with {@code members}: {@code departmentId} is its custom id (null: {@code D001}, {@code D002}…),
     * {@code parent} the department it belongs to (null: top level).
     */
    public SimDepartment createDepartment(String name, String departmentId, SimDepartment parent, Collection<SimUser> members) {
        return directory.createDepartment(name, departmentId, parent, members);
    }

    // ------------------------------------------------------------------ chats

    /** A group chat with the bot and {@code members}; {@code owner} null means the bot owns it. */
    public SimChat createChat(String name, SimUser owner, Collection<SimUser> members) {
        return createChat(name, "", "private", "chat", owner == null ? bot() : Sender.user(owner), members);
    }

    public SimChat createChat(String name, String description, String chatType, String groupMessageType, Sender owner,
            Collection<SimUser> members) {
        return chats.createChat(name, description, chatType, groupMessageType, owner, members);
    }

    /** The bot's one-to-one chat with {@code user}, created on first use as Lark does. */
    public SimChat p2pChat(SimUser user) {
        return chats.p2pChat(user);
    }

    public void addMembers(SimChat chat, Collection<SimUser> newMembers, Sender operator) {
        chats.addMembers(chat, newMembers, operator);
    }

    public void removeMember(SimChat chat, SimUser user) {
        chats.removeMember(chat, user);
    }

    /** Takes members out of a chat and tells the listeners (a user as operator makes the events half push an event). */
    public void removeMembers(SimChat chat, Collection<SimUser> members, Sender operator) {
        chats.removeMembers(chat, members, operator);
    }

    /** Takes the bot out of (or back into) a chat, e.g. to provoke Lark's "bot not in chat" errors. */
    public void botMember(SimChat chat, boolean member) {
        chats.botMember(chat, member);
    }

    /** Adds a group custom bot to {@code chat}; {@code secret} null means no signature check. */
    public SimCustomBot createCustomBot(SimChat chat, String name, String secret, List<String> keywords) {
        return chats.createCustomBot(chat, name, secret, keywords);
    }

    // ------------------------------------------------------------------ messages

    /** Stores a new top-level message. {@code content} is the send-side JSON string. */
    public SimMessage postMessage(SimChat chat, Sender sender, String msgType, String content) {
        return messages.post(chat, sender, msgType, content, null);
    }

    /** Stores a reply; {@code inThread} opens (or continues) a thread on the root message. */
    public SimMessage replyTo(SimMessage parent, Sender sender, String msgType, String content, boolean inThread) {
        return messages.replyTo(parent, sender, msgType, content, inThread);
    }

    /**
     * Copies {@code source} (content and mentions as stored) into {@code chat}: a forward. With
     * {@code threadRoot} the copy continues that thread; with {@code upperMessageId} it becomes a
     * child of a merge-forward message.
     */
    public SimMessage copyMessage(SimMessage source, SimChat chat, Sender sender, SimMessage threadRoot,
            String upperMessageId) {
        return messages.copy(source, chat, sender, threadRoot, upperMessageId);
    }

    public void editMessage(SimMessage message, String msgType, String content) {
        messages.edit(message, msgType, content);
    }

    /** Replaces a card's content (PATCH or delayed update): Lark does not count this as an edit. */
    public void replaceCard(SimMessage message, String cardJson) {
        messages.replaceCard(message, cardJson);
    }

    public void recall(SimMessage message, Sender operator) {
        messages.recall(message, operator);
    }

    public void addFollowUps(SimMessage message, List<String> followUps) {
        messages.addFollowUps(message, followUps);
    }

    // ------------------------------------------------------------------ acting as users

    /** A simulated user sends a message; {@code content} is the send-side JSON string. */
    public SimMessage userSends(SimUser user, SimChat chat, String msgType, String content) {
        if (!chat.hasMember(user)) {
            throw new IllegalArgumentException(user.name() + " is not a member of " + chat);
        }
        return postMessage(chat, Sender.user(user), msgType, content);
    }

    /** A simulated user types {@code text} (may contain {@code <at user_id="…"></at>}) into a chat. */
    public SimMessage userSays(SimUser user, SimChat chat, String text) {
        return userSends(user, chat, "text", textContent(text));
    }

    /** Marks a message read by a user (listed by read_users); false if it was already read. */
    public boolean markRead(SimUser user, SimMessage message) {
        return messages.markRead(user, message);
    }

    public SimReaction userReacts(SimUser user, SimMessage message, String emojiType) {
        return addReaction(message, emojiType, Sender.user(user));
    }

    // ------------------------------------------------------------------ pins and reactions

    /** Pins a message; pinning it again returns the existing pin, as Lark does. */
    public SimPin pin(SimMessage message, Sender operator) {
        return pinsAndReactions.pin(message, operator);
    }

    /** Unpins a message as the bot; see {@link #unpin(String, Sender)}. */
    public Optional<SimPin> unpin(String messageId) {
        return unpin(messageId, bot());
    }

    /** Unpins a message; empty (and no listener call) when it was not pinned. */
    public Optional<SimPin> unpin(String messageId, Sender operator) {
        return pinsAndReactions.unpin(messageId, operator);
    }

    public SimReaction addReaction(SimMessage message, String emojiType, Sender operator) {
        return pinsAndReactions.addReaction(message, emojiType, operator);
    }

    public Optional<SimReaction> removeReaction(String reactionId) {
        return pinsAndReactions.removeReaction(reactionId);
    }

    // ------------------------------------------------------------------ uploads

    /** Moves an uploaded temp file into the store and registers it under a new key. */
    public StoredResource storeUpload(StoredResource.Kind kind, String type, String fileName, String contentType,
            Path uploadedFile, long size, Integer durationMs) {
        return uploads.storeUpload(kind, type, fileName, contentType, uploadedFile, size, durationMs);
    }

    /** Stores bytes as if uploaded (e.g. an image a simulated user sends). */
    public StoredResource storeBytes(StoredResource.Kind kind, String type, String fileName, String contentType, byte[] bytes) {
        return uploads.storeBytes(kind, type, fileName, contentType, bytes);
    }

    // ------------------------------------------------------------------ batch messages

    /** Creates a batch and the per-user p2p messages it becomes. */
    public SimBatchMessage createBatch(String msgType, String batchContentJson, String messageContent,
            List<SimUser> recipients) {
        return batches.createBatch(msgType, batchContentJson, messageContent, recipients);
    }

    public void recallBatch(SimBatchMessage batch) {
        batches.recallBatch(batch);
    }

    /** One get_progress call: advances and returns the number of users reached. */
    public int advanceBatchProgress(SimBatchMessage batch) {
        return batch.advanceProgress();
    }

    // ------------------------------------------------------------------ cards

    public SimEphemeralCard sendEphemeral(SimChat chat, SimUser user, String cardJson) {
        return cards.sendEphemeral(chat, user, cardJson);
    }

    public void deleteEphemeral(String messageId) {
        cards.deleteEphemeral(messageId);
    }

    /**
     * Issues the {@code token} a card-action callback carries ({@code c-…}), valid for two
     * {@code interactive/v1/card/update} calls within 30 minutes. The events half puts it in the
     * {@code card.action.trigger} event it pushes.
     */
    public CardToken issueCardToken(SimMessage message, SimUser user) {
        return cards.issueCardToken(message, user);
    }

    /** Spends one use of a card token; empty when unknown, used up or older than 30 minutes. */
    public Optional<CardToken> useCardToken(String token) {
        return cards.useCardToken(token);
    }

    // ------------------------------------------------------------------ activities

    public void record(Activity activity) {
        activityLog.record(activity);
    }

    public Activity record(String kind, String targetId, List<String> ids, String detail) {
        Activity activity = new Activity(kind, targetId, List.copyOf(ids), detail, now());
        record(activity);
        return activity;
    }

    // ------------------------------------------------------------------ idempotency

    /**
     * Runs {@code action} once per {@code key} within {@code window}; a repeat returns the first
     * result. A repeat while the first is still running fails with {@link InFlightException}.
     */
    public <T> T idempotent(String key, Duration window, Supplier<T> action) {
        return idempotency.idempotent(key, window, action);
    }

    /** A request with the same idempotency key is still being processed. */
    public static final class InFlightException extends RuntimeException {
        InFlightException(String key) {
            super("request " + key + " is still in flight", null, false, false);
        }
    }
}
