package io.github.camellark.lark.testkit.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant's chats, who is in them, and the custom bots added to them. Part of {@link SimulatorState}. */
final class ChatRoster {

    private final StateContext context;
    private final Sender bot;
    private final Map<String, SimChat> chats = new LinkedHashMap<>();
    private final Map<String, SimCustomBot> customBots = new LinkedHashMap<>();

    ChatRoster(StateContext context, Sender bot) {
        this.context = context;
        this.bot = bot;
    }

    void clear() {
        chats.clear();
        customBots.clear();
    }

    SimChat createChat(String name, String description, String chatType, String groupMessageType, Sender owner,
            Collection<SimUser> members) {
        SimChat chat;
        synchronized (context.lock) {
            chat = new SimChat(context.ids.chatId(), name, "group", chatType, owner, context.now());
            chat.description(description == null ? "" : description);
            chat.groupMessageType(groupMessageType == null ? "chat" : groupMessageType);
            if (owner.user() != null) {
                chat.addMember(owner.user());
            }
            members.forEach(chat::addMember);
            chats.put(chat.chatId(), chat);
        }
        context.fire(l -> l.chatCreated(chat));
        return chat;
    }

    SimChat p2pChat(SimUser user) {
        SimChat created;
        synchronized (context.lock) {
            for (SimChat chat : chats.values()) {
                if (chat.isP2p() && chat.hasMember(user)) {
                    return chat;
                }
            }
            created = new SimChat(context.ids.chatId(), "", "p2p", "private", bot, context.now());
            created.addMember(user);
            chats.put(created.chatId(), created);
        }
        context.fire(l -> l.chatCreated(created));
        return created;
    }

    List<SimChat> chats() {
        synchronized (context.lock) {
            return List.copyOf(chats.values());
        }
    }

    Optional<SimChat> chat(String chatId) {
        synchronized (context.lock) {
            return Optional.ofNullable(chats.get(chatId));
        }
    }

    Optional<SimChat> chatNamed(String name) {
        synchronized (context.lock) {
            return chats.values().stream().filter(c -> name.equals(c.name())).findFirst();
        }
    }

    void addMembers(SimChat chat, Collection<SimUser> newMembers, Sender operator) {
        List<SimUser> added = new ArrayList<>();
        synchronized (context.lock) {
            for (SimUser user : newMembers) {
                if (!chat.hasMember(user)) {
                    chat.addMember(user);
                    added.add(user);
                }
            }
        }
        if (!added.isEmpty()) {
            context.fire(l -> l.membersAdded(chat, List.copyOf(added), operator));
        }
    }

    void removeMember(SimChat chat, SimUser user) {
        synchronized (context.lock) {
            chat.removeMember(user);
        }
    }

    void removeMembers(SimChat chat, Collection<SimUser> members, Sender operator) {
        List<SimUser> removed = new ArrayList<>();
        synchronized (context.lock) {
            for (SimUser user : members) {
                if (chat.hasMember(user)) {
                    chat.removeMember(user);
                    removed.add(user);
                }
            }
        }
        if (!removed.isEmpty()) {
            context.fire(l -> l.membersRemoved(chat, List.copyOf(removed), operator));
        }
    }

    void botMember(SimChat chat, boolean member) {
        synchronized (context.lock) {
            chat.botMember(member);
        }
    }

    SimCustomBot createCustomBot(SimChat chat, String name, String secret, List<String> keywords) {
        synchronized (context.lock) {
            SimCustomBot customBot = new SimCustomBot(context.ids.hookToken(), "cli_" + context.ids.hex(16), name, chat.chatId(),
                    secret, List.copyOf(keywords));
            customBots.put(customBot.hookToken(), customBot);
            return customBot;
        }
    }

    Optional<SimCustomBot> customBot(String hookToken) {
        synchronized (context.lock) {
            return Optional.ofNullable(customBots.get(hookToken));
        }
    }

    List<SimCustomBot> customBots() {
        synchronized (context.lock) {
            return List.copyOf(customBots.values());
        }
    }
}
