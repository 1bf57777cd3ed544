package io.github.camellark.lark.testkit.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * a user adding members to or removing them from a chat. Actions of the app itself produce none (no echo of the app's own API calls);
 * whether Lark sends some of them anyway is unverified.
 * <p>
 * Card clicks ({@link #clickCard}, or a card action {@link #push}ed about a stored message) are callbacks: the app's
 * answer is applied as Lark's client does (toast, card update; EVENTS.md "Card clicks").
 */
public final class SimulatorEvents implements AutoCloseable {

    private final SimulatorState state;
    private final LarkEvents factory;
    private final String appSecret;
    private final WebhookPusher pusher = new WebhookPusher();
    private final List<EventDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<LarkEvent> pushed = new CopyOnWriteArrayList<>();
    private final CardCallbacks cardCallbacks;
    private volatile boolean fromUserActions = true;
    private LongConnectionServer longConnection;
    private boolean closed;

    public SimulatorEvents(SimulatorState state, AppIdentity app, String appSecret) {
        this.state = Objects.requireNonNull(state);
        this.factory = new LarkEvents(app, state.clock());
        this.appSecret = Objects.requireNonNull(appSecret);
        this.cardCallbacks = new CardCallbacks(state);
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

    /**
     * The long-connection server, started on first use; discovery accepts this simulator's app credentials.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized LongConnectionServer longConnection() {
        if (closed) {
            throw new IllegalStateException("the simulator's events half is closed");
        }
        if (longConnection == null) {
            longConnection = new LongConnectionServer().start().credentials(factory.app().appId(), appSecret);
        }
        return longConnection;
    }

    /** The long-connection server if something started it already (without starting it). */
    public synchronized Optional<LongConnectionServer> startedLongConnection() {
        return Optional.ofNullable(longConnection);
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

    /**
     * Delivers any event through the configured deliveries. A {@code card.action.trigger} (or {@code _v1}) about a
     * stored message is a click: the app's answer is applied to that message as for {@link #clickCard}.
     */
    public LarkEvent push(LarkEvent event) {
        clickedMessage(event).ifPresentOrElse(card -> answerClick(event, card), () -> deliver(event));
        return event;
    }

    /**
     * Hands the event to the deliveries and, for a callback, completes with the app's answer. Lark has one callback
     * address per app, so the answer of the first configured delivery is the one that counts; the others still get
     * the callback.
     */
    private CompletableFuture<CallbackAnswer> deliver(LarkEvent event) {
        pushed.add(event);
        List<EventDelivery> targets = List.copyOf(deliveries);
        if (targets.isEmpty()) {
            synchronized (this) {
                targets = longConnection == null ? List.of() : List.of(longConnection);
            }
        }
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(CallbackAnswer.unanswered(
                    "nowhere to deliver: no deliverTo(...) and no long connection started"));
        }
        if (!event.isCallback()) {
            targets.forEach(target -> target.deliver(event));
            return CompletableFuture.completedFuture(CallbackAnswer.unanswered(event.type() + " is not a callback"));
        }
        CompletableFuture<CallbackAnswer> answer = targets.get(0).deliverCallback(event);
        targets.subList(1, targets.size()).forEach(target -> target.deliver(event));
        return answer;
    }

    private CompletableFuture<CardClickReply> answerClick(LarkEvent click, SimMessage card) {
        return deliver(click).thenApply(answer -> cardCallbacks.apply(card, click, answer));
    }

    /** The stored message a card callback is about, if the event is one. */
    private Optional<SimMessage> clickedMessage(LarkEvent event) {
        String messageId = switch (event.type()) {
            case "card.action.trigger" -> event.event().at("/context/open_message_id").asText(null);
            case "card.action.trigger_v1" -> event.event().path("open_message_id").asText(null);
            default -> null;
        };
        return messageId == null ? Optional.empty() : state.message(messageId);
    }

    /** Forgets the records of what was pushed and delivered (configured deliveries and connections stay). */
    public synchronized void forgetRecords() {
        pushed.clear();
        pusher.clearDeliveries();
        if (longConnection != null) {
            longConnection.forgetRecords();
        }
    }

    /** Every webhook push made so far, with its attempts and answers. */
    public List<WebhookDelivery> webhookDeliveries() {
        return pusher.deliveries();
    }

    /** Every event pushed through this hub, in order. */
    public List<LarkEvent> pushed() {
        return List.copyOf(pushed);
    }

    /**
     * A user clicks a button on a card message: a {@code card.action.trigger} whose delayed-update token is issued by
     * the state (so {@code interactive/v1/card/update} accepts it), delivered like any event. Once the app answers,
     * Lark's client shows the toast and puts the answer's card in place of the clicked one; the returned click
     * completes its {@link CardClick#reply() reply} after that. Migrating from the old {@code LarkEvent} result:
     * {@code clickCard(...).event()}.
     */
    public CardClick clickCard(SimUser user, SimMessage cardMessage, Map<String, ?> value) {
        String token = state.issueCardToken(cardMessage, user).token();
        LarkEvent click = factory.cardAction(eventUser(user), cardMessage.messageId(), cardMessage.chatId(), "button", null, value, null, token);
        return new CardClick(click, cardMessage, answerClick(click, cardMessage));
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
        closed = true;
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

        @Override
        public void membersRemoved(SimChat chat, List<SimUser> users, Sender operator) {
            if (fromUserActions && operator.isUser()) {
                push(factory.chatMemberUserDeleted(chat.chatId(), chat.name(), eventUser(operator.user()),
                        users.stream().map(SimulatorEvents.this::eventUser).toArray(EventUser[]::new)));
            }
        }
    }
}
