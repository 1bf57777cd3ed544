package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated tenant: users, departments, chats, messages, pins, reactions, uploads, batch messages,
 * ephemeral cards, custom bots and card tokens. The REST handlers change it as Lark would; tests
 * and the events half read it and act as users ({@link #userSays}, {@link #userReacts},
 * {@link #markRead}). One lock guards everything; listeners run after it is released.
 */
public final class SimulatorState {

    /** How long Lark remembers a message {@code uuid}. */
    public static final Duration MESSAGE_UUID_WINDOW = Duration.ofHours(1);
    /** How long Lark remembers a chat-create {@code uuid}. */
    public static final Duration CHAT_UUID_WINDOW = Duration.ofHours(10);

    private final Object lock = new Object();
    private final Clock clock;
    private final Ids ids;
    private final ObjectMapper mapper;
    private final MessageContents contents;
    private final String appId;
    private final String botName;
    private final String tenantKey;
    private final Path storeDir;
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private final Map<String, SimDepartment> departments = new LinkedHashMap<>();
    private final Map<String, SimChat> chats = new LinkedHashMap<>();
    private final Map<String, SimMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> threadRoots = new LinkedHashMap<>();
    private final Map<String, SimPin> pins = new LinkedHashMap<>();
    private final Map<String, SimReaction> reactions = new LinkedHashMap<>();
    private final Map<String, StoredResource> resources = new LinkedHashMap<>();
    private final Map<String, SimBatchMessage> batches = new LinkedHashMap<>();
    private final Map<String, SimEphemeralCard> ephemerals = new LinkedHashMap<>();
    private final Map<String, SimCustomBot> customBots = new LinkedHashMap<>();
    private final Map<String, CardToken> cardTokens = new LinkedHashMap<>();
    private final CardEntities cardEntities = new CardEntities();
    private final List<Activity> activities = new ArrayList<>();
    private final Map<String, Remembered> idempotency = new LinkedHashMap<>();
    private Instant lastMessageTime = Instant.EPOCH;

    public SimulatorState(Clock clock, Ids ids, ObjectMapper mapper, String appId, String botName, String tenantKey,
            Path storeDir) {
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.contents = new MessageContents(mapper, this::user);
        this.appId = appId;
        this.botName = botName;
        this.tenantKey = tenantKey;
        this.storeDir = storeDir;
    }

    // ------------------------------------------------------------------ identity

    public String appId() {
        return appId;
    }

    public String botName() {
        return botName;
    }

    public String tenantKey() {
        return tenantKey;
    }

    /** The app's bot as a sender/operator. */
    public Sender bot() {
        return Sender.app(appId, botName);
    }

    public Clock clock() {
        return clock;
    }

    public Ids ids() {
        return ids;
    }

    public MessageContents contents() {
        return contents;
    }

    /**
     * Forgets the whole tenant: users, departments, chats, messages and everything attached, uploads (their files
     * are deleted), card tokens, activities and remembered uuids. Listeners stay; nothing is fired.
     */
    public void clear() {
        List<StoredResource> stored;
        synchronized (lock) {
            stored = List.copyOf(resources.values());
            for (Map<?, ?> map : List.of(users, departments, chats, messages, threadRoots, pins, reactions, resources, batches,
                    ephemerals, customBots, cardTokens, idempotency)) {
                map.clear();
            }
            activities.clear();
        }
        for (StoredResource resource : stored) {
            try {
                Files.deleteIfExists(resource.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void addListener(StateListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(StateListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ users

    public SimUser createUser(String name) {
        String local = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return createUser(name, (local.isEmpty() ? "user" : local) + "@example.com");
    }

    public SimUser createUser(String name, String email) {
        synchronized (lock) {
            SimUser user = new SimUser(name, ids.openId(), ids.unionId(), ids.userId(), email, tenantKey);
            users.put(user.openId(), user);
            return user;
        }
    }

    public List<SimUser> users() {
        synchronized (lock) {
            return List.copyOf(users.values());
        }
    }

    /** The user with this open_id, union_id, user_id or email. */
    public Optional<SimUser> user(String anyId) {
        synchronized (lock) {
            SimUser direct = users.get(anyId);
            if (direct != null) {
                return Optional.of(direct);
            }
            return users.values().stream().filter(u -> u.hasId(anyId)).findFirst();
        }
    }

    /** The user whose id of {@code idType} is {@code id}. */
    public Optional<SimUser> user(String idType, String id) {
        synchronized (lock) {
            return users.values().stream().filter(u -> id != null && id.equals(u.id(idType))).findFirst();
        }
    }

    public SimUser requireUser(String anyId) {
        return user(anyId).orElseThrow(() -> new IllegalArgumentException("no simulated user " + anyId));
    }

    // ------------------------------------------------------------------ departments

    /**
     * A department with {@code members}: {@code departmentId} is its custom id (null: {@code D001}, {@code D002}…),
     * {@code parent} the department it belongs to (null: top level).
     */
    public SimDepartment createDepartment(String name, String departmentId, SimDepartment parent, Collection<SimUser> members) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            String customId = departmentId != null ? departmentId : String.format("D%03d", departments.size() + 1);
            if (departments.values().stream().anyMatch(d -> d.hasId(customId))) {
                throw new IllegalArgumentException("a department with id " + customId + " exists already");
            }
            if (parent != null && !departments.containsKey(parent.openDepartmentId())) {
                throw new IllegalArgumentException("no simulated department " + parent);
            }
            SimDepartment department = new SimDepartment(name, ids.openDepartmentId(), customId,
                    parent == null ? null : parent.openDepartmentId(), List.copyOf(members));
            departments.put(department.openDepartmentId(), department);
            return department;
        }
    }

    public List<SimDepartment> departments() {
        synchronized (lock) {
            return List.copyOf(departments.values());
        }
    }

    /** The department with this open_department_id ({@code od-…}) or custom department_id. */
    public Optional<SimDepartment> department(String anyId) {
        synchronized (lock) {
            return departments.values().stream().filter(d -> anyId != null && d.hasId(anyId)).findFirst();
        }
    }

    /** The members of a department and of all its sub-departments, each once, as Lark's batch_send reaches them. */
    public List<SimUser> departmentMembers(SimDepartment department) {
        synchronized (lock) {
            List<SimUser> members = new ArrayList<>();
            collectMembers(department, members);
            return List.copyOf(members);
        }
    }

    private void collectMembers(SimDepartment department, List<SimUser> into) {
        department.members().stream().filter(u -> !into.contains(u)).forEach(into::add);
        departments.values().stream()
                .filter(d -> department.openDepartmentId().equals(d.parentOpenDepartmentId()))
                .forEach(child -> collectMembers(child, into));
    }

    // ------------------------------------------------------------------ chats

    /** A group chat with the bot and {@code members}; {@code owner} null means the bot owns it. */
    public SimChat createChat(String name, SimUser owner, Collection<SimUser> members) {
        return createChat(name, "", "private", "chat", owner == null ? bot() : Sender.user(owner), members);
    }

    public SimChat createChat(String name, String description, String chatType, String groupMessageType, Sender owner,
            Collection<SimUser> members) {
        SimChat chat;
        synchronized (lock) {
            chat = new SimChat(ids.chatId(), name, "group", chatType, owner, now());
            chat.description(description == null ? "" : description);
            chat.groupMessageType(groupMessageType == null ? "chat" : groupMessageType);
            if (owner.user() != null) {
                chat.addMember(owner.user());
            }
            members.forEach(chat::addMember);
            chats.put(chat.chatId(), chat);
        }
        fire(l -> l.chatCreated(chat));
        return chat;
    }

    /** The bot's one-to-one chat with {@code user}, created on first use as Lark does. */
    public SimChat p2pChat(SimUser user) {
        SimChat created = null;
        synchronized (lock) {
            for (SimChat chat : chats.values()) {
                if (chat.isP2p() && chat.hasMember(user)) {
                    return chat;
                }
            }
            created = new SimChat(ids.chatId(), "", "p2p", "private", bot(), now());
            created.addMember(user);
            chats.put(created.chatId(), created);
        }
        SimChat chat = created;
        fire(l -> l.chatCreated(chat));
        return chat;
    }

    public List<SimChat> chats() {
        synchronized (lock) {
            return List.copyOf(chats.values());
        }
    }

    public Optional<SimChat> chat(String chatId) {
        synchronized (lock) {
            return Optional.ofNullable(chats.get(chatId));
        }
    }

    public Optional<SimChat> chatNamed(String name) {
        synchronized (lock) {
            return chats.values().stream().filter(c -> name.equals(c.name())).findFirst();
        }
    }

    public void addMembers(SimChat chat, Collection<SimUser> newMembers, Sender operator) {
        List<SimUser> added = new ArrayList<>();
        synchronized (lock) {
            for (SimUser user : newMembers) {
                if (!chat.hasMember(user)) {
                    chat.addMember(user);
                    added.add(user);
                }
            }
        }
        if (!added.isEmpty()) {
            fire(l -> l.membersAdded(chat, List.copyOf(added), operator));
        }
    }

    public void removeMember(SimChat chat, SimUser user) {
        synchronized (lock) {
            chat.removeMember(user);
        }
    }

    /** Takes members out of a chat and tells the listeners (a user as operator makes the events half push an event). */
    public void removeMembers(SimChat chat, Collection<SimUser> members, Sender operator) {
        List<SimUser> removed = new ArrayList<>();
        synchronized (lock) {
            for (SimUser user : members) {
                if (chat.hasMember(user)) {
                    chat.removeMember(user);
                    removed.add(user);
                }
            }
        }
        if (!removed.isEmpty()) {
            fire(l -> l.membersRemoved(chat, List.copyOf(removed), operator));
        }
    }

    /** Takes the bot out of (or back into) a chat, e.g. to provoke Lark's "bot not in chat" errors. */
    public void botMember(SimChat chat, boolean member) {
        synchronized (lock) {
            chat.botMember(member);
        }
    }

    // ------------------------------------------------------------------ messages

    public List<SimMessage> messages() {
        synchronized (lock) {
            return List.copyOf(messages.values());
        }
    }

    public Optional<SimMessage> message(String messageId) {
        synchronized (lock) {
            return Optional.ofNullable(messages.get(messageId));
        }
    }

    /** The messages of a chat in the order they were created (recalled ones included, flagged). */
    public List<SimMessage> messagesIn(SimChat chat) {
        synchronized (lock) {
            return messages.values().stream().filter(m -> m.chatId().equals(chat.chatId())).toList();
        }
    }

    public List<SimMessage> messagesInThread(String threadId) {
        synchronized (lock) {
            return messages.values().stream().filter(m -> threadId.equals(m.threadId())).toList();
        }
    }

    /** The root message of a thread. */
    public Optional<SimMessage> threadRoot(String threadId) {
        synchronized (lock) {
            return Optional.ofNullable(threadRoots.get(threadId)).map(messages::get);
        }
    }

    /** Stores a new top-level message. {@code content} is the send-side JSON string. */
    public SimMessage postMessage(SimChat chat, Sender sender, String msgType, String content) {
        return store(chat, sender, msgType, content, null, false, null, null);
    }

    /** Stores a reply; {@code inThread} opens (or continues) a thread on the root message. */
    public SimMessage replyTo(SimMessage parent, Sender sender, String msgType, String content, boolean inThread) {
        SimChat chat = chat(parent.chatId()).orElseThrow();
        return store(chat, sender, msgType, content, parent, inThread, null, null);
    }

    /**
     * Copies {@code source} (content and mentions as stored) into {@code chat}: a forward. With
     * {@code threadRoot} the copy continues that thread; with {@code upperMessageId} it becomes a
     * child of a merge-forward message.
     */
    public SimMessage copyMessage(SimMessage source, SimChat chat, Sender sender, SimMessage threadRoot,
            String upperMessageId) {
        return store(chat, sender, source.msgType(), new MessageContents.Projected(source.content(), source.mentions()),
                threadRoot, threadRoot != null, upperMessageId, null);
    }

    private SimMessage store(SimChat chat, Sender sender, String msgType, String content, SimMessage parent,
            boolean inThread, String upperMessageId, String batchId) {
        return store(chat, sender, msgType, contents.project(msgType, content, this::user), parent, inThread,
                upperMessageId, batchId);
    }

    private SimMessage store(SimChat chat, Sender sender, String msgType, MessageContents.Projected projected,
            SimMessage parent, boolean inThread, String upperMessageId, String batchId) {
        SimMessage message;
        synchronized (lock) {
            String rootId = null;
            String parentId = null;
            String threadId = null;
            if (parent != null) {
                parentId = parent.messageId();
                rootId = parent.rootId() != null ? parent.rootId() : parent.messageId();
                threadId = parent.threadId();
                if (threadId == null && inThread) {
                    SimMessage root = messages.get(rootId);
                    threadId = ids.threadId();
                    root.threadId(threadId);
                    threadRoots.put(threadId, root.messageId());
                }
            }
            message = new SimMessage(ids.messageId(), chat.chatId(), sender, nextMessageTime(), msgType,
                    projected.content(), projected.mentions(), rootId, parentId, threadId, upperMessageId, batchId);
            messages.put(message.messageId(), message);
        }
        fire(l -> l.messageStored(message));
        return message;
    }

    /** Message times strictly increase (by 1 ms if need be) so history order is stable even with a frozen clock. */
    private Instant nextMessageTime() {
        Instant now = now();
        lastMessageTime = now.isAfter(lastMessageTime) ? now : lastMessageTime.plusMillis(1);
        return lastMessageTime;
    }

    public void editMessage(SimMessage message, String msgType, String content) {
        MessageContents.Projected projected = contents.project(msgType, content, this::user);
        synchronized (lock) {
            message.edit(msgType, projected.content(), projected.mentions(), now(), true);
        }
        fire(l -> l.messageEdited(message));
    }

    /** Replaces a card's content (PATCH or delayed update): Lark does not count this as an edit. */
    public void replaceCard(SimMessage message, String cardJson) {
        synchronized (lock) {
            message.edit(message.msgType(), cardJson, message.mentions(), now(), false);
        }
        fire(l -> l.messageEdited(message));
    }

    public void recall(SimMessage message, Sender operator) {
        synchronized (lock) {
            message.recall(now());
        }
        fire(l -> l.messageRecalled(message, operator));
    }

    public void addFollowUps(SimMessage message, List<String> followUps) {
        synchronized (lock) {
            message.addFollowUps(followUps);
        }
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

    /** The {@code content} string of a text message. */
    public String textContent(String text) {
        try {
            return mapper.writeValueAsString(Map.of("text", text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks a message read by a user (listed by read_users); false if it was already read. */
    public boolean markRead(SimUser user, SimMessage message) {
        boolean first;
        synchronized (lock) {
            first = message.markRead(user.openId(), now());
        }
        if (first) {
            fire(l -> l.messageRead(message, user));
        }
        return first;
    }

    public SimReaction userReacts(SimUser user, SimMessage message, String emojiType) {
        return addReaction(message, emojiType, Sender.user(user));
    }

    // ------------------------------------------------------------------ pins and reactions

    /** Pins a message; pinning it again returns the existing pin, as Lark does. */
    public SimPin pin(SimMessage message, Sender operator) {
        SimPin created;
        synchronized (lock) {
            SimPin existing = pins.get(message.messageId());
            if (existing != null) {
                return existing;
            }
            created = new SimPin(message.messageId(), message.chatId(), operator, now());
            pins.put(created.messageId(), created);
        }
        fire(l -> l.messagePinned(created));
        return created;
    }

    /** Unpins a message as the bot; see {@link #unpin(String, Sender)}. */
    public Optional<SimPin> unpin(String messageId) {
        return unpin(messageId, bot());
    }

    /** Unpins a message; empty (and no listener call) when it was not pinned. */
    public Optional<SimPin> unpin(String messageId, Sender operator) {
        SimPin removed;
        synchronized (lock) {
            removed = pins.remove(messageId);
        }
        if (removed != null) {
            fire(l -> l.messageUnpinned(removed, operator));
        }
        return Optional.ofNullable(removed);
    }

    public List<SimPin> pins() {
        synchronized (lock) {
            return List.copyOf(pins.values());
        }
    }

    public SimReaction addReaction(SimMessage message, String emojiType, Sender operator) {
        SimReaction reaction;
        synchronized (lock) {
            reaction = new SimReaction(ids.reactionId(), message.messageId(), emojiType, operator, now());
            reactions.put(reaction.reactionId(), reaction);
        }
        fire(l -> l.reactionAdded(reaction));
        return reaction;
    }

    public Optional<SimReaction> removeReaction(String reactionId) {
        SimReaction removed;
        synchronized (lock) {
            removed = reactions.remove(reactionId);
        }
        if (removed != null) {
            fire(l -> l.reactionRemoved(removed));
        }
        return Optional.ofNullable(removed);
    }

    public List<SimReaction> reactions() {
        synchronized (lock) {
            return List.copyOf(reactions.values());
        }
    }

    public List<SimReaction> reactionsOn(String messageId) {
        synchronized (lock) {
            return reactions.values().stream().filter(r -> r.messageId().equals(messageId)).toList();
        }
    }

    public Optional<SimReaction> reaction(String reactionId) {
        synchronized (lock) {
            return Optional.ofNullable(reactions.get(reactionId));
        }
    }

    // ------------------------------------------------------------------ uploads

    /** Moves an uploaded temp file into the store and registers it under a new key. */
    public StoredResource storeUpload(StoredResource.Kind kind, String type, String fileName, String contentType,
            Path uploadedFile, long size, Integer durationMs) {
        String key = kind == StoredResource.Kind.IMAGE ? ids.imageKey() : ids.fileKey();
        Path target = storeDir.resolve(key);
        try {
            Files.move(uploadedFile, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // images carry no file name of their own; Lark names downloads after the key
        String name = fileName != null ? fileName
                : key + "." + contentType.substring(contentType.indexOf('/') + 1).replace("jpeg", "jpg").replace("x-icon", "ico");
        StoredResource resource = new StoredResource(kind, key, type, name, contentType, size, durationMs, target, now());
        synchronized (lock) {
            resources.put(key, resource);
        }
        return resource;
    }

    /** Stores bytes as if uploaded (e.g. an image a simulated user sends). */
    public StoredResource storeBytes(StoredResource.Kind kind, String type, String fileName, String contentType, byte[] bytes) {
        try {
            Path temp = Files.createTempFile(storeDir, "bytes-", ".tmp");
            Files.write(temp, bytes);
            return storeUpload(kind, type, fileName, contentType, temp, bytes.length, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<StoredResource> resource(String key) {
        synchronized (lock) {
            return Optional.ofNullable(resources.get(key));
        }
    }

    public List<StoredResource> images() {
        synchronized (lock) {
            return resources.values().stream().filter(r -> r.kind() == StoredResource.Kind.IMAGE).toList();
        }
    }

    public List<StoredResource> files() {
        synchronized (lock) {
            return resources.values().stream().filter(r -> r.kind() == StoredResource.Kind.FILE).toList();
        }
    }

    // ------------------------------------------------------------------ batch messages

    /** Creates a batch and the per-user p2p messages it becomes. */
    public SimBatchMessage createBatch(String msgType, String batchContentJson, String messageContent,
            List<SimUser> recipients) {
        SimBatchMessage batch;
        List<SimMessage> created = new ArrayList<>();
        String batchId = ids.batchMessageId();
        for (SimUser user : recipients) {
            created.add(store(p2pChat(user), bot(), msgType, messageContent, null, false, null, batchId));
        }
        synchronized (lock) {
            batch = new SimBatchMessage(batchId, msgType, batchContentJson, recipients,
                    created.stream().map(SimMessage::messageId).toList(), now());
            batches.put(batchId, batch);
        }
        return batch;
    }

    public Optional<SimBatchMessage> batchMessage(String batchMessageId) {
        synchronized (lock) {
            return Optional.ofNullable(batches.get(batchMessageId));
        }
    }

    public List<SimBatchMessage> batchMessages() {
        synchronized (lock) {
            return List.copyOf(batches.values());
        }
    }

    public void recallBatch(SimBatchMessage batch) {
        batch.recall();
        for (String id : batch.messageIds()) {
            message(id).filter(m -> !m.deleted()).ifPresent(m -> recall(m, bot()));
        }
    }

    /** One get_progress call: advances and returns the number of users reached. */
    public int advanceBatchProgress(SimBatchMessage batch) {
        return batch.advanceProgress();
    }

    // ------------------------------------------------------------------ cards

    public SimEphemeralCard sendEphemeral(SimChat chat, SimUser user, String cardJson) {
        synchronized (lock) {
            SimEphemeralCard card = new SimEphemeralCard(ids.messageId(), chat.chatId(), user, cardJson, now(), false);
            ephemerals.put(card.messageId(), card);
            return card;
        }
    }

    public Optional<SimEphemeralCard> ephemeralCard(String messageId) {
        synchronized (lock) {
            return Optional.ofNullable(ephemerals.get(messageId));
        }
    }

    public void deleteEphemeral(String messageId) {
        synchronized (lock) {
            ephemerals.computeIfPresent(messageId, (id, card) -> card.asDeleted());
        }
    }

    public List<SimEphemeralCard> ephemeralCards() {
        synchronized (lock) {
            return List.copyOf(ephemerals.values());
        }
    }

    /**
     * Issues the {@code token} a card-action callback carries ({@code c-…}), valid for two
     * {@code interactive/v1/card/update} calls within 30 minutes. The events half puts it in the
     * {@code card.action.trigger} event it pushes.
     */
    public CardToken issueCardToken(SimMessage message, SimUser user) {
        synchronized (lock) {
            CardToken token = new CardToken(ids.cardToken(), message.messageId(), user == null ? null : user.openId(), now(), 2);
            cardTokens.put(token.token(), token);
            return token;
        }
    }

    /** Spends one use of a card token; empty when unknown, used up or older than 30 minutes. */
    public Optional<CardToken> useCardToken(String token) {
        synchronized (lock) {
            CardToken current = cardTokens.get(token);
            if (current == null || current.usesLeft() <= 0
                    || current.issuedAt().plus(Duration.ofMinutes(30)).isBefore(now())) {
                return Optional.empty();
            }
            CardToken used = current.used();
            cardTokens.put(token, used);
            return Optional.of(used);
        }
    }

    // ------------------------------------------------------------------ custom bots

    /** Adds a group custom bot to {@code chat}; {@code secret} null means no signature check. */
    public SimCustomBot createCustomBot(SimChat chat, String name, String secret, List<String> keywords) {
        synchronized (lock) {
            SimCustomBot bot = new SimCustomBot(ids.hookToken(), "cli_" + ids.hex(16), name, chat.chatId(), secret,
                    List.copyOf(keywords));
            customBots.put(bot.hookToken(), bot);
            return bot;
        }
    }

    public Optional<SimCustomBot> customBot(String hookToken) {
        synchronized (lock) {
            return Optional.ofNullable(customBots.get(hookToken));
        }
    }

    public List<SimCustomBot> customBots() {
        synchronized (lock) {
            return List.copyOf(customBots.values());
        }
    }

    // ------------------------------------------------------------------ activities

    public void record(Activity activity) {
        synchronized (lock) {
            activities.add(activity);
        }
        fire(l -> l.activity(activity));
    }

    public Activity record(String kind, String targetId, List<String> ids, String detail) {
        Activity activity = new Activity(kind, targetId, List.copyOf(ids), detail, now());
        record(activity);
        return activity;
    }

    public List<Activity> activities() {
        synchronized (lock) {
            return List.copyOf(activities);
        }
    }

    public List<Activity> activities(String kind) {
        synchronized (lock) {
            return activities.stream().filter(a -> a.kind().equals(kind)).toList();
        }
    }

    // ------------------------------------------------------------------ idempotency

    /**
     * Runs {@code action} once per {@code key} within {@code window}; a repeat returns the first
     * result. A repeat while the first is still running fails with {@link InFlightException}.
     */
    @SuppressWarnings("unchecked")
    public <T> T idempotent(String key, Duration window, Supplier<T> action) {
        if (key == null) {
            return action.get();
        }
        Remembered placeholder = new Remembered(null, now(), true);
        synchronized (lock) {
            Remembered existing = idempotency.get(key);
            if (existing != null && existing.at().plus(window).isAfter(now())) {
                if (existing.inFlight()) {
                    throw new InFlightException(key);
                }
                return (T) existing.result();
            }
            idempotency.put(key, placeholder);
        }
        try {
            T result = action.get();
            synchronized (lock) {
                idempotency.put(key, new Remembered(result, placeholder.at(), false));
            }
            return result;
        } catch (RuntimeException e) {
            synchronized (lock) {
                idempotency.remove(key, placeholder);
            }
            throw e;
        }
    }

    /** A request with the same idempotency key is still being processed. */
    public static final class InFlightException extends RuntimeException {
        InFlightException(String key) {
            super("request " + key + " is still in flight", null, false, false);
        }
    }

    private record Remembered(Object result, Instant at, boolean inFlight) {
    }

    // ------------------------------------------------------------------ internals

    /** The card entities of CardKit ({@code /open-apis/cardkit/v1/cards}). */
    public CardEntities cardEntities() {
        return cardEntities;
    }

    public Instant now() {
        return clock.instant();
    }

    private void fire(Consumer<StateListener> event) {
        for (StateListener listener : listeners) {
            event.accept(listener);
        }
    }
}
