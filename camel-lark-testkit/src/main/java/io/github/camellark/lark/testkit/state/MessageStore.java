package io.github.camellark.lark.testkit.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant's messages and threads: stored, replied to, copied, edited, recalled, read. Part of {@link SimulatorState}. */
final class MessageStore {

    private final StateContext context;
    private final ChatRoster chats;
    private final Directory directory;
    private final MessageContents contents;
    private final Map<String, SimMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> threadRoots = new LinkedHashMap<>();
    private Instant lastMessageTime = Instant.EPOCH;

    MessageStore(StateContext context, ChatRoster chats, Directory directory, MessageContents contents) {
        this.context = context;
        this.chats = chats;
        this.directory = directory;
        this.contents = contents;
    }

    void clear() {
        messages.clear();
        threadRoots.clear();
    }

    List<SimMessage> messages() {
        synchronized (context.lock) {
            return List.copyOf(messages.values());
        }
    }

    Optional<SimMessage> message(String messageId) {
        synchronized (context.lock) {
            return Optional.ofNullable(messages.get(messageId));
        }
    }

    List<SimMessage> messagesIn(SimChat chat) {
        synchronized (context.lock) {
            return messages.values().stream().filter(m -> m.chatId().equals(chat.chatId())).toList();
        }
    }

    List<SimMessage> messagesInThread(String threadId) {
        synchronized (context.lock) {
            return messages.values().stream().filter(m -> threadId.equals(m.threadId())).toList();
        }
    }

    Optional<SimMessage> threadRoot(String threadId) {
        synchronized (context.lock) {
            return Optional.ofNullable(threadRoots.get(threadId)).map(messages::get);
        }
    }

    SimMessage post(SimChat chat, Sender sender, String msgType, String content, String batchId) {
        return store(chat, sender, msgType, project(msgType, content), null, false, null, batchId);
    }

    SimMessage replyTo(SimMessage parent, Sender sender, String msgType, String content, boolean inThread) {
        SimChat chat = chats.chat(parent.chatId()).orElseThrow();
        return store(chat, sender, msgType, project(msgType, content), parent, inThread, null, null);
    }

    SimMessage copy(SimMessage source, SimChat chat, Sender sender, SimMessage threadRoot, String upperMessageId) {
        return store(chat, sender, source.msgType(), new MessageContents.Projected(source.content(), source.mentions()),
                threadRoot, threadRoot != null, upperMessageId, null);
    }

    private MessageContents.Projected project(String msgType, String content) {
        return contents.project(msgType, content, directory::user);
    }

    private SimMessage store(SimChat chat, Sender sender, String msgType, MessageContents.Projected projected,
            SimMessage parent, boolean inThread, String upperMessageId, String batchId) {
        SimMessage message;
        synchronized (context.lock) {
            String rootId = null;
            String parentId = null;
            String threadId = null;
            if (parent != null) {
                parentId = parent.messageId();
                rootId = parent.rootId() != null ? parent.rootId() : parent.messageId();
                threadId = parent.threadId();
                if (threadId == null && inThread) {
                    SimMessage root = messages.get(rootId);
                    threadId = context.ids.threadId();
                    root.threadId(threadId);
                    threadRoots.put(threadId, root.messageId());
                }
            }
            message = new SimMessage(context.ids.messageId(), chat.chatId(), sender, nextMessageTime(), msgType,
                    projected.content(), projected.mentions(), rootId, parentId, threadId, upperMessageId, batchId);
            messages.put(message.messageId(), message);
        }
        context.fire(l -> l.messageStored(message));
        return message;
    }

    /** Message times strictly increase (by 1 ms if need be) so history order is stable even with a frozen clock. */
    private Instant nextMessageTime() {
        Instant now = context.now();
        lastMessageTime = now.isAfter(lastMessageTime) ? now : lastMessageTime.plusMillis(1);
        return lastMessageTime;
    }

    void edit(SimMessage message, String msgType, String content) {
        MessageContents.Projected projected = project(msgType, content);
        synchronized (context.lock) {
            message.edit(msgType, projected.content(), projected.mentions(), context.now(), true);
        }
        context.fire(l -> l.messageEdited(message));
    }

    void replaceCard(SimMessage message, String cardJson) {
        synchronized (context.lock) {
            message.edit(message.msgType(), cardJson, message.mentions(), context.now(), false);
        }
        context.fire(l -> l.messageEdited(message));
    }

    void recall(SimMessage message, Sender operator) {
        synchronized (context.lock) {
            message.recall(context.now());
        }
        context.fire(l -> l.messageRecalled(message, operator));
    }

    void addFollowUps(SimMessage message, List<String> followUps) {
        synchronized (context.lock) {
            message.addFollowUps(followUps);
        }
    }

    boolean markRead(SimUser user, SimMessage message) {
        boolean first;
        synchronized (context.lock) {
            first = message.markRead(user.openId(), context.now());
        }
        if (first) {
            context.fire(l -> l.messageRead(message, user));
        }
        return first;
    }
}
