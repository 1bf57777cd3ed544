package io.github.camellark.lark.testkit.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A group or p2p chat. The app's bot is a member of every chat it created or was added to;
 * membership changes go through {@link SimulatorState} so listeners hear about them.
 */
public final class SimChat {

    private final String chatId;
    private final String chatMode;
    private final Instant createTime;
    private final Sender owner;
    private final Set<SimUser> members = new CopyOnWriteArraySet<>();
    private volatile String name;
    private volatile String description;
    private volatile String chatType;
    private volatile String groupMessageType;
    private volatile boolean botMember;

    SimChat(String chatId, String name, String chatMode, String chatType, Sender owner, Instant createTime) {
        this.chatId = chatId;
        this.name = name;
        this.chatMode = chatMode;
        this.chatType = chatType;
        this.owner = owner;
        this.createTime = createTime;
        this.description = "";
        this.groupMessageType = "chat";
        this.botMember = true;
    }

    public String chatId() {
        return chatId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** {@code group} or {@code p2p}. */
    public String chatMode() {
        return chatMode;
    }

    public boolean isP2p() {
        return "p2p".equals(chatMode);
    }

    /** {@code private} or {@code public}. */
    public String chatType() {
        return chatType;
    }

    /** {@code chat} (normal group) or {@code thread} (topic group). */
    public String groupMessageType() {
        return groupMessageType;
    }

    public Sender owner() {
        return owner;
    }

    public Instant createTime() {
        return createTime;
    }

    public List<SimUser> members() {
        return List.copyOf(members);
    }

    public boolean hasMember(SimUser user) {
        return members.contains(user);
    }

    /** Whether the app's bot is in the chat (it must be, to send or read). */
    public boolean botIsMember() {
        return botMember;
    }

    /** For a p2p chat: the user the bot talks to. */
    public SimUser p2pUser() {
        return isP2p() && !members.isEmpty() ? members.iterator().next() : null;
    }

    void addMember(SimUser user) {
        members.add(user);
    }

    void removeMember(SimUser user) {
        members.remove(user);
    }

    void botMember(boolean member) {
        this.botMember = member;
    }

    void description(String description) {
        this.description = description;
    }

    void chatType(String chatType) {
        this.chatType = chatType;
    }

    void groupMessageType(String groupMessageType) {
        this.groupMessageType = groupMessageType;
    }

    void name(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return (isP2p() ? "p2p" : name) + " (" + chatId + ")";
    }
}
