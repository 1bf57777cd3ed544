package io.github.camellark.lark.testkit.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camellark.lark.testkit.state.Mention;
import io.github.camellark.lark.testkit.state.Sender;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimReaction;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;
import io.github.camellark.lark.testkit.state.StateListener;
import io.github.camellark.lark.testkit.ws.HttpReply;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;

/**
 * The events half of the simulator: turns what simulated users do into Lark events and delivers them through
 * the configured ways (webhooks, the long connection), and owns the webhook pusher and the long-connection server.
 * Obtain it from {@code LarkSimulator.events()}.
 *
 * <pre>{@code
 * sim.events().deliverTo(sim.webhook("http://127.0.0.1:8080/lark").withEncryptKey("k"));
 * sim.userSays(alice, room, "hello");     // stored, and im.message.receive_v1 is pushed to the webhook
 * }</pre>
 * Without an explicit delivery, events go over the long connection once it has been started (a client ran
 * discovery, or {@link #longConnection()} was called); before that they are only recorded in {@link #pushed()}.
 * <p>
 * Which user actions produce events: a user's message in a chat the bot is in (assumes the app may read all group
 * messages), a user reading a bot message, a user recalling a message, a user adding or removing a reaction,
 * a user adding members to a chat. Actions of the app itself produce none (no echo of the app's own API calls);
 * whether Lark sends some of them anyway is unverified.
 */
public final class SimulatorEvents implements AutoCloseable {

    private final SimulatorState state;
    private final LarkEvents factory;
    private final String appSecret;
    private final WebhookPusher pusher = new WebhookPusher();
    private final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<LarkEvent> pushed = new CopyOnWriteArrayList<>();
    private volatile boolean fromUserActions = true;
    private LongConnectionServer longConnection;

    public SimulatorEvents(SimulatorState state, AppIdentity app, String appSecret) {
        this.state = Objects.requireNonNull(state);
        this.factory = new LarkEvents(app, state.clock());
        this.appSecret = Objects.requireNonNull(appSecret);
        state.addListener(new UserActions());
    }

    /** Creates events for this simulator's app (app id, tenant key, verification token). */
    public LarkEvents factory() {
        return factory;
    }

    public AppIdentity app() {
        return factory.app();
    }

    /** A webhook URL of the app under test; pass it to {@link #deliverTo} to receive user actions there. */
    public Webhook webhook(String url) {
        return pusher.webhook(url);
    }

    public WebhookPusher webhookPusher() {
        return pusher;
    }

    /** The long-connection server, started on first use; discovery accepts this simulator's app credentials. */
    public synchronized LongConnectionServer longConnection() {
        if (longConnection == null) {
            longConnection = new LongConnectionServer().start().credentials(factory.app().appId(), appSecret);
        }
        return longConnection;
    }

    /** {@code POST /callback/ws/endpoint}, served through the simulator's HTTP server. */
    public HttpReply discover(byte[] requestBody) {
        return longConnection().discover(requestBody);
    }

    /** Adds a way events of user actions (and {@link #push}) are delivered. */
    public SimulatorEvents deliverTo(EventDelivery delivery) {
        deliveries.add(Objects.requireNonNull(delivery));
        return this;
    }

    /** Forgets every configured delivery (back to "long connection once started"). */
    public SimulatorEvents clearDeliveries() {
        deliveries.clear();
        return this;
    }

    /** Whether user actions in the state produce events (default true). */
    public SimulatorEvents fromUserActions(boolean enabled) {
        this.fromUserActions = enabled;
        return this;
    }

    /** Delivers any event through the configured deliveries. */
    public LarkEvent push(LarkEvent event) {
        pushed.add(event);
        List<EventDelivery> targets = List.copyOf(deliveries);
        if (!targets.isEmpty()) {
            targets.forEach(target -> target.deliver(event));
        } else {
            LongConnectionServer started;
            synchronized (this) {
                started = longConnection;
            }
            if (started != null) {
                started.deliver(event);
            }
        }
        return event;
    }

    /** Every event pushed through this hub, in order. */
    public List<LarkEvent> pushed() {
        return List.copyOf(pushed);
    }

    /**
     * A user clicks a button on a card message: a {@code card.action.trigger} whose delayed-update token is issued by
     * the state (so {@code interactive/v1/card/update} accepts it), delivered like any event.
     */
    public LarkEvent clickCard(SimUser user, SimMessage cardMessage, Map<String, ?> value) {
        String token = state.issueCardToken(cardMessage, user).token();
        return push(factory.cardAction(eventUser(user), cardMessage.messageId(), cardMessage.chatId(), "button", null, value, null, token));
    }

    /** The ids of a simulated user as events carry them. */
    public EventUser eventUser(SimUser user) {
        return new EventUser(user.openId(), user.unionId(), user.userId(), user.name(), user.tenantKey());
    }

    /** The {@code im.message.receive_v1} event of a stored user message. */
    public LarkEvent messageReceived(SimMessage message) {
        SimUser sender = message.sender().user();
        MessageReceivedBuilder builder = factory.message()
                .from(eventUser(sender))
                .inChat(message.chatId())
                .chatType(state.chat(message.chatId()).map(c -> c.isP2p() ? "p2p" : "group").orElse("group"))
                .messageId(message.messageId())
                .content(message.msgType(), message.content())
                .createTime(message.createTime())
                .threadId(message.threadId());
        if (message.parentId() != null) {
            builder.replyTo(message.rootId(), message.parentId());
        }
        for (Mention mention : message.mentions()) {
            EventUser mentioned = state.user(mention.openId()).map(this::eventUser)
                    .orElse(new EventUser(mention.openId(), "", "", mention.name(), state.tenantKey()));
            builder.mention(mention.key(), mentioned);
        }
        return builder.build();
    }

    @Override
    public synchronized void close() {
        pusher.close();
        if (longConnection != null) {
            longConnection.close();
        }
    }

    /** Translates state changes made by simulated users into events. Runs on the thread that made the change. */
    private final class UserActions implements StateListener {

        @Override
        public void messageStored(SimMessage message) {
            boolean botHears = state.chat(message.chatId()).map(SimChat::botIsMember).orElse(false);
            if (fromUserActions && message.sender().isUser() && botHears) {
                push(messageReceived(message));
            }
        }

        @Override
        public void messageRead(SimMessage message, SimUser reader) {
            if (fromUserActions && message.sender().isApp()) {
                push(factory.messageRead(eventUser(reader), message.messageId()));
            }
        }

        @Override
        public void messageRecalled(SimMessage message, Sender operator) {
            if (fromUserActions && operator.isUser()) {
                push(factory.messageRecalled(message.messageId(), message.chatId()));
            }
        }

        @Override
        public void reactionAdded(SimReaction reaction) {
            if (fromUserActions && reaction.operator().isUser()) {
                push(factory.reactionCreated(reaction.messageId(), eventUser(reaction.operator().user()), reaction.emojiType()));
            }
        }

        @Override
        public void reactionRemoved(SimReaction reaction) {
            if (fromUserActions && reaction.operator().isUser()) {
                push(factory.reactionDeleted(reaction.messageId(), eventUser(reaction.operator().user()), reaction.emojiType()));
            }
        }

        @Override
        public void membersAdded(SimChat chat, List<SimUser> users, Sender operator) {
            if (fromUserActions && operator.isUser()) {
                push(factory.chatMemberUserAdded(chat.chatId(), chat.name(), eventUser(operator.user()),
                        users.stream().map(SimulatorEvents.this::eventUser).toArray(EventUser[]::new)));
            }
        }
    }
}
