package io.github.camellark.lark.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.testkit.api.LarkApis;
import io.github.camellark.lark.testkit.auth.AuthApi;
import io.github.camellark.lark.testkit.auth.Authenticator;
import io.github.camellark.lark.testkit.auth.TokenService;
import io.github.camellark.lark.testkit.control.ControlApi;
import io.github.camellark.lark.testkit.events.AppIdentity;
import io.github.camellark.lark.testkit.events.SimulatorEvents;
import io.github.camellark.lark.testkit.events.Webhook;
import io.github.camellark.lark.testkit.http.SimHandler;
import io.github.camellark.lark.testkit.http.SimHttpServer;
import io.github.camellark.lark.testkit.http.SimResponse;
import io.github.camellark.lark.testkit.state.Ids;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimCustomBot;
import io.github.camellark.lark.testkit.state.SimDepartment;
import io.github.camellark.lark.testkit.state.SimMessage;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.SimulatorState;
import io.github.camellark.lark.testkit.ws.HttpReply;
import io.github.camellark.lark.testkit.ws.LongConnectionServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A local Lark / Feishu Open Platform: the {@code /open-apis} REST API on 127.0.0.1 with tokens,
 * validation, Lark's reply shapes and enough state to be believable.
 * <pre>{@code
 * try (LarkSimulator sim = LarkSimulator.start()) {
 *     SimUser alice = sim.createUser("Alice");
 *     SimChat room = sim.createChat("ops-room", alice);
 *     // point the client at sim.baseUri() with sim.appId() / sim.appSecret()
 *     System.out.println(sim.conversation());
 * }
 * }</pre>
 * Everything it starts (HTTP threads, temporary files) is stopped or deleted by {@link #close()}. The same server
 * answers the control API under {@code /_sim} ({@link ControlApi}), through which other processes drive it.
 */
public final class LarkSimulator implements AutoCloseable {

    /** Shaped like a real app id ({@code cli_} + 16 hex digits): the Node SDK's WSClient refuses any other shape. */
    public static final String DEFAULT_APP_ID = "cli_a5c3517a0b1c0001";
    public static final String DEFAULT_APP_SECRET = "simulated-app-secret-0001";
    public static final String DEFAULT_TENANT_KEY = "2ed263bf32cf1651";
    public static final String DEFAULT_BOT_NAME = "Sim Bot";
    public static final String DEFAULT_VERIFICATION_TOKEN = "simulated-verification-token-0001";

    private final String appId;
    private final String appSecret;
    private final String encryptKey;
    private final Path tempDir;
    private final ObjectMapper mapper;
    private final TokenService tokens;
    private final SimulatorState state;
    private final Journal journal = new Journal();
    private final Faults faults;
    private final RateLimits rateLimits;
    private final SimHttpServer server;
    private final SimulatorEvents events;
    private final Closer closer = new Closer();

    private LarkSimulator(Builder builder) throws IOException {
        this.appId = builder.appId;
        this.appSecret = builder.appSecret;
        this.encryptKey = builder.encryptKey;
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Random random = builder.seed == null ? new Random() : new Random(builder.seed);
        Ids ids = new Ids(random);
        this.tempDir = Files.createTempDirectory("lark-simulator-");
        try {
            Path storeDir = Files.createDirectory(tempDir.resolve("store"));
            Path uploadDir = Files.createDirectory(tempDir.resolve("uploads"));
            this.tokens = new TokenService(builder.clock, ids, builder.tokenLifetime);
            this.state = new SimulatorState(builder.clock, ids, mapper, appId, builder.botName, builder.tenantKey, storeDir);
            this.faults = new Faults(tokens);
            this.rateLimits = new RateLimits(state);
            this.server = closer.add(new SimHttpServer(mapper, builder.clock, random, uploadDir, builder.port, builder.httpThreads,
                    new SimulatorHooks(faults, rateLimits, new Authenticator(tokens, state), journal)));
            new AuthApi(appId, appSecret, tokens, state).register(server);
            new LarkApis(state, mapper, server).register();
            // events half: user actions become pushed events; the long connection is discovered through this server
            this.events = closer.add(new SimulatorEvents(state, new AppIdentity(appId, builder.tenantKey,
                    builder.verificationToken), appSecret));
            addRoute("POST", LongConnectionServer.ENDPOINT_PATH, request -> {
                HttpReply reply = events.discover(request.body());
                return SimResponse.json(reply.status(), mapper.readTree(reply.body()));
            });
            new ControlApi(this, server).register();
        } catch (IOException | RuntimeException | Error e) {
            // a half-built simulator is never returned, so nothing else would stop its threads or delete its files
            RuntimeException closing = closer.closeAll();
            if (closing != null) {
                e.addSuppressed(closing);
            }
            Closer.deleteRecursively(tempDir);
            throw e;
        }
    }

    /** A simulator with the default app credentials ({@link #DEFAULT_APP_ID}, {@link #DEFAULT_APP_SECRET}). */
    public static LarkSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ connection facts

    /** E.g. {@code http://127.0.0.1:54321}: the component's {@code baseUri}, the SDK's {@code openBaseUrl}. */
    public String baseUri() {
        return server.baseUri();
    }

    public int port() {
        return server.port();
    }

    public String appId() {
        return appId;
    }

    public String appSecret() {
        return appSecret;
    }

    public String tenantKey() {
        return state.tenantKey();
    }

    /**
     * The console's Encrypt Key, or {@code null} (the default): webhooks configured through the control API, and the
     * standalone simulator's, encrypt and sign with it. Webhooks made with {@link #webhook(String)} set their own.
     */
    public String encryptKey() {
        return encryptKey;
    }

    public String botName() {
        return state.botName();
    }

    // ------------------------------------------------------------------ views

    public Journal journal() {
        return journal;
    }

    /** A snapshot of who said what in which chat. */
    public Conversation conversation() {
        return Conversation.of(state);
    }

    public SimulatorState state() {
        return state;
    }

    public Faults faults() {
        return faults;
    }

    /** Lark's rate limits (per app, per receiver), enforced once {@link RateLimits#enforce()} is called. */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    public TokenService tokens() {
        return tokens;
    }

    /** The JSON mapper the simulator uses (shared with extensions so JSON looks the same everywhere). */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ------------------------------------------------------------------ shortcuts

    public SimUser createUser(String name) {
        return state.createUser(name);
    }

    /**
     * A top-level department with {@code members} (ids {@code od-…} and {@code D001}, {@code D002}…): batch_send to
     * either id reaches its members.
     */
    public SimDepartment createDepartment(String name, SimUser... members) {
        return state.createDepartment(name, null, null, Arrays.asList(members));
    }

    /** A department inside {@code parent}: batch_send to the parent reaches its members too. */
    public SimDepartment createSubDepartment(SimDepartment parent, String name, SimUser... members) {
        return state.createDepartment(name, null, Objects.requireNonNull(parent, "parent"), Arrays.asList(members));
    }

    /** A group chat owned by the bot with the bot and {@code members} in it. */
    public SimChat createChat(String name, SimUser... members) {
        return state.createChat(name, null, Arrays.asList(members));
    }

    /** A group chat owned by {@code owner}, with the bot, the owner and {@code members} in it. */
    public SimChat createChat(String name, SimUser owner, List<SimUser> members) {
        return state.createChat(name, owner, members);
    }

    /** A simulated user types into a chat (stores the message; the events half may push the event). */
    public SimMessage userSays(SimUser user, SimChat chat, String text) {
        return state.userSays(user, chat, text);
    }

    /** A valid tenant_access_token, for tests that call the API by hand. */
    public String tenantAccessToken() {
        return tokens.tenantToken(state.tenantKey()).value();
    }

    /** A valid user_access_token acting as {@code user}. */
    public String userAccessToken(SimUser user) {
        return tokens.userToken(user).value();
    }

    /** Adds a group custom bot to {@code chat}; pass a {@code secret} to require signed requests. */
    public SimCustomBot createCustomBot(SimChat chat, String secret, String... keywords) {
        return state.createCustomBot(chat, "Custom Bot", secret, List.of(keywords));
    }

    /** The full webhook URL of a custom bot on this simulator. */
    public String webhookUrl(SimCustomBot bot) {
        return baseUri() + bot.webhookPath();
    }

    // ------------------------------------------------------------------ events out

    /** Events to the app: factories, deliveries configured for user actions, card clicks. */
    public SimulatorEvents events() {
        return events;
    }

    /** A webhook URL of the app under test (Lark pushing over HTTP); {@code events().deliverTo(...)} it for user actions. */
    public Webhook webhook(String url) {
        return events.webhook(url);
    }

    /**
     * The WebSocket long connection (started on first use). Clients discover it at
     * {@code POST {baseUri}/callback/ws/endpoint} with this simulator's app credentials.
     */
    public LongConnectionServer longConnection() {
        return events.longConnection();
    }

    /** The Verification Token events carry ({@code header.token}). */
    public String verificationToken() {
        return events.app().verificationToken();
    }

    // ------------------------------------------------------------------ extension hook

    /**
     * Serves {@code method} (or {@code "*"}) requests whose path starts with {@code pathPrefix}
     * (whole segments) with {@code handler}. Added routes win over built-in ones, are recorded in
     * the journal and get faults, but no token check. The events half registers
     * {@code POST /callback/ws/endpoint} this way.
     */
    public LarkSimulator addRoute(String method, String pathPrefix, SimHandler handler) {
        server.addRoute(Objects.requireNonNull(method), Objects.requireNonNull(pathPrefix), Objects.requireNonNull(handler));
        return this;
    }

    /**
     * Closes {@code resource} when the simulator closes, before the events half and the HTTP server
     * stop (last registered, first closed). For extensions; the simulator's own parts close themselves.
     */
    public <T extends AutoCloseable> T closeWith(T resource) {
        return closer.add(resource);
    }

    @Override
    public void close() {
        try {
            RuntimeException failure = closer.closeAll();   // extensions, then the events half, then the HTTP server
            if (failure != null) {
                throw failure;
            }
        } finally {
            Closer.deleteRecursively(tempDir);
        }
    }

    /** Settings for a simulator; every one has a sensible default. */
    public static final class Builder {
        private String appId = DEFAULT_APP_ID;
        private String appSecret = DEFAULT_APP_SECRET;
        private String tenantKey = DEFAULT_TENANT_KEY;
        private String botName = DEFAULT_BOT_NAME;
        private Duration tokenLifetime = Duration.ofSeconds(7200);
        private Clock clock = Clock.systemUTC();
        private Long seed;
        private int httpThreads = 8;
        private String verificationToken = DEFAULT_VERIFICATION_TOKEN;
        private String encryptKey;
        private int port;

        private Builder() {
        }

        public Builder appId(String appId) {
            this.appId = Objects.requireNonNull(appId);
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret);
            return this;
        }

        public Builder tenantKey(String tenantKey) {
            this.tenantKey = Objects.requireNonNull(tenantKey);
            return this;
        }

        /** The app bot's display name (shown in the conversation view). */
        public Builder botName(String botName) {
            this.botName = Objects.requireNonNull(botName);
            return this;
        }

        /** How long access tokens live; Lark's is 7200 s. */
        public Builder tokenLifetime(Duration tokenLifetime) {
            if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive");
            }
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** The clock for token expiry, message times and uuid windows; pass a mutable clock to travel in time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Makes generated ids reproducible. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The console's Verification Token, carried by pushed events. */
        public Builder verificationToken(String verificationToken) {
            this.verificationToken = Objects.requireNonNull(verificationToken);
            return this;
        }

        /** The console's Encrypt Key (see {@link LarkSimulator#encryptKey()}); null or empty for none. */
        public Builder encryptKey(String encryptKey) {
            this.encryptKey = encryptKey == null || encryptKey.isEmpty() ? null : encryptKey;
            return this;
        }

        /** A fixed port on 127.0.0.1 (e.g. for a demo with a known URL); the default 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Concurrent requests served (delayed replies hold a thread each). */
        public Builder httpThreads(int httpThreads) {
            if (httpThreads < 1) {
                throw new IllegalArgumentException("httpThreads must be at least 1");
            }
            this.httpThreads = httpThreads;
            return this;
        }

        public LarkSimulator start() {
            try {
                return new LarkSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Lark simulator", e);
            }
        }
    }
}
