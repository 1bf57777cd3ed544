package io.github.camellark.lark.testkit.state;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated tenant as tests and handlers read it: who and what is there. {@link SimulatorState} adds the changes.
 * Each kind of resource is kept by a part of its own (users and departments; chats and custom bots; messages; pins and
 * reactions; uploads; batches; cards; activities; remembered uuids), all guarded by one lock.
 */
public abstract sealed class TenantView permits SimulatorState {

    final StateContext context;
    final ObjectMapper mapper;
    final MessageContents contents;
    final String appId;
    final String botName;
    final String tenantKey;
    final Directory directory;
    final ChatRoster chats;
    final MessageStore messages;
    final PinsAndReactions pinsAndReactions;
    final UploadStore uploads;
    final BatchStore batches;
    final CardStore cards;
    final CardEntities cardEntities = new CardEntities();
    final ActivityLog activityLog;
    final IdempotencyWindow idempotency;

    TenantView(Clock clock, Ids ids, ObjectMapper mapper, String appId, String botName, String tenantKey, Path storeDir) {
        this.context = new StateContext(clock, ids);
        this.mapper = mapper;
        this.appId = appId;
        this.botName = botName;
        this.tenantKey = tenantKey;
        this.directory = new Directory(context, tenantKey);
        this.contents = new MessageContents(mapper, directory::user);
        this.chats = new ChatRoster(context, bot());
        this.messages = new MessageStore(context, chats, directory, contents);
        this.pinsAndReactions = new PinsAndReactions(context);
        this.uploads = new UploadStore(context, storeDir);
        this.batches = new BatchStore(context, chats, messages, bot());
        this.cards = new CardStore(context);
        this.activityLog = new ActivityLog(context);
        this.idempotency = new IdempotencyWindow(context);
    }

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
        return context.clock;
    }

    public Ids ids() {
        return context.ids;
    }

    public MessageContents contents() {
        return contents;
    }

    public Instant now() {
        return context.now();
    }

    public List<SimUser> users() {
        return directory.users();
    }

    /** The user with this open_id, union_id, user_id or email. */
    public Optional<SimUser> user(String anyId) {
        return directory.user(anyId);
    }

    /** The user whose id of {@code idType} is {@code id}. */
    public Optional<SimUser> user(String idType, String id) {
        return directory.user(idType, id);
    }

    public SimUser requireUser(String anyId) {
        return user(anyId).orElseThrow(() -> new IllegalArgumentException("no simulated user " + anyId));
    }

    public List<SimDepartment> departments() {
        return directory.departments();
    }

    /** The department with this open_department_id ({@code od-…}) or custom department_id. */
    public Optional<SimDepartment> department(String anyId) {
        return directory.department(anyId);
    }

    /** The members of a department and of all its sub-departments, each once, as Lark's batch_send reaches them. */
    public List<SimUser> departmentMembers(SimDepartment department) {
        return directory.departmentMembers(department);
    }

    public List<SimChat> chats() {
        return chats.chats();
    }

    public Optional<SimChat> chat(String chatId) {
        return chats.chat(chatId);
    }

    public Optional<SimChat> chatNamed(String name) {
        return chats.chatNamed(name);
    }

    public Optional<SimCustomBot> customBot(String hookToken) {
        return chats.customBot(hookToken);
    }

    public List<SimCustomBot> customBots() {
        return chats.customBots();
    }

    public List<SimMessage> messages() {
        return messages.messages();
    }

    public Optional<SimMessage> message(String messageId) {
        return messages.message(messageId);
    }

    /** The messages of a chat in the order they were created (recalled ones included, flagged). */
    public List<SimMessage> messagesIn(SimChat chat) {
        return messages.messagesIn(chat);
    }

    public List<SimMessage> messagesInThread(String threadId) {
        return messages.messagesInThread(threadId);
    }

    /** The root message of a thread. */
    public Optional<SimMessage> threadRoot(String threadId) {
        return messages.threadRoot(threadId);
    }

    /** The {@code content} string of a text message. */
    public String textContent(String text) {
        try {
            return mapper.writeValueAsString(Map.of("text", text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SimPin> pins() {
        return pinsAndReactions.pins();
    }

    public List<SimReaction> reactions() {
        return pinsAndReactions.reactions();
    }

    public List<SimReaction> reactionsOn(String messageId) {
        return pinsAndReactions.reactionsOn(messageId);
    }

    public Optional<SimReaction> reaction(String reactionId) {
        return pinsAndReactions.reaction(reactionId);
    }

    public Optional<StoredResource> resource(String key) {
        return uploads.resource(key);
    }

    public List<StoredResource> images() {
        return uploads.ofKind(StoredResource.Kind.IMAGE);
    }

    public List<StoredResource> files() {
        return uploads.ofKind(StoredResource.Kind.FILE);
    }

    public Optional<SimBatchMessage> batchMessage(String batchMessageId) {
        return batches.batchMessage(batchMessageId);
    }

    public List<SimBatchMessage> batchMessages() {
        return batches.batchMessages();
    }

    public Optional<SimEphemeralCard> ephemeralCard(String messageId) {
        return cards.ephemeralCard(messageId);
    }

    public List<SimEphemeralCard> ephemeralCards() {
        return cards.ephemeralCards();
    }

    /** The card entities of CardKit ({@code /open-apis/cardkit/v1/cards}). */
    public CardEntities cardEntities() {
        return cardEntities;
    }

    public List<Activity> activities() {
        return activityLog.activities();
    }

    public List<Activity> activities(String kind) {
        return activityLog.activities(kind);
    }
}
