package io.github.camellark.lark.springboot;

import java.time.Duration;

import io.github.camellark.lark.LarkAppType;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkDomain;
import io.github.camellark.lark.LarkEventOrder;
import io.github.camellark.lark.LarkTransport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Send, reply, edit, recall, forward and read Lark / Feishu messages, upload and download images and files, update
 * cards, react, pin, buzz, post through custom bots, and receive events and card callbacks.
 * <p>
 * Every option of the {@code lark} component as {@code camel.component.lark.*}, for Spring Boot's binding and IDE
 * completion. Written from the component's catalog by {@code src/build/generate_configuration.py}: regenerate it when
 * the component's options change (LarkComponentConfigurationSyncTest tells). Deliberately has no toString(): it holds
 * secrets.
 */
@ConfigurationProperties(prefix = "camel.component.lark")
public class LarkComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the lark component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * Default configuration of every lark endpoint; endpoint options override it.
     */
    private LarkConfiguration configuration;

    /**
     * Which Lark platform to call: feishu (https://open.feishu.cn) or lark (https://open.larksuite.com).
     */
    private LarkDomain domain = LarkDomain.feishu;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * How long Lark waits is 3 seconds: when the route has not finished within this time the event is acknowledged as
     * a success while the route goes on (card callbacks are answered with an empty reply). A duration: milliseconds
     * (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration eventDeadline = Duration.ofMillis(2500);

    /**
     * Comma-separated event types to route (for example im.message.receive_v1,card.action.trigger); others are
     * acknowledged and dropped. Default: all.
     */
    private String eventTypes;

    /**
     * Events whose create_time is older than this are acknowledged, counted and not routed: a bot should not answer a
     * question of hours ago. The default (30 minutes) keeps Lark's redeliveries after 15 s and 5 min and drops those
     * after 1 h and 6 h. 0 routes events of any age. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration maxEventAge = Duration.ofMillis(1800000);

    /**
     * Which events reach the route one at a time, in the order Lark sent them: chat (the events of one chat, else of
     * one sender, in order; different chats in parallel) or none (every event as soon as a routing thread is free).
     */
    private LarkEventOrder orderBy = LarkEventOrder.chat;

    /**
     * How events reach the consumer: websocket (Lark's long connection, no public URL needed, self-built apps) or
     * webhook (Lark pushes HTTP requests through Camel's HTTP platform).
     */
    private LarkTransport transport = LarkTransport.websocket;

    /**
     * transport=webhook: the HTTP path Lark posts events and card callbacks to (the request URL set in the Lark
     * console ends with it). Served by Camel's HTTP platform: the component named by camel.rest.component, else
     * platform-http, else the one camel-webhook would pick.
     */
    private String webhookPath = "/lark/events";

    /**
     * Repository of seen event ids: duplicates Lark redelivers are dropped. Default: in memory, bounded, remembering
     * ids for at least 8 hours. Share one (for example JDBC) between instances.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * Long connection: timeout of the endpoint discovery request and of the WebSocket handshake. A duration:
     * milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration wsConnectTimeout = Duration.ofMillis(15000);

    /**
     * Long connection: how long the fragments of a payload Lark split over several frames are kept waiting for the
     * missing ones. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration wsFragmentTtl = Duration.ofMillis(10000);

    /**
     * Long connection: how often a WebSocket ping checks that Lark is still there, between Lark's own pings (every
     * PingInterval, 120 s by default). With wsPingTimeout, a half-open connection is replaced within
     * wsKeepAliveInterval wsPingTimeout (45 s by default). 0 sends none. A duration: milliseconds (30000), 30s or
     * ISO-8601 (PT30S).
     */
    private Duration wsKeepAliveInterval = Duration.ofMillis(15000);

    /**
     * Long connection liveness watchdog: when nothing arrives within this time (at most twice Lark's PingInterval)
     * after a ping, the connection is taken as dead (half-open after a NAT drop or sleep) and replaced. 0 disables it.
     * A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration wsPingTimeout = Duration.ofMillis(30000);

    /**
     * Long connection: upper bound of the waits before reconnecting (Lark pushes a random delay of up to
     * ReconnectNonce seconds after a drop and ReconnectInterval seconds between failed attempts). 0 follows Lark's
     * values. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration wsReconnectMaxDelay = Duration.ofMillis(0);

    /**
     * Flow control: calls per minute of the app to Lark's IM APIs (per tenant for store apps), all endpoints together;
     * Lark allows 1,000 for most IM APIs. With several JVMs sending as one app, set each node's share.
     */
    private Integer appRateLimitPerMinute = 1000;

    /**
     * Flow control: calls per second of the app to Lark's IM APIs (per tenant for store apps), all endpoints together;
     * Lark allows 50 for most IM APIs. With several JVMs sending as one app, set each node's share.
     */
    private Integer appRateLimitPerSecond = 50;

    /**
     * List operations: when true the body is an Iterator over the items of all pages, fetched lazily (use with
     * split().streaming()); when false, the items of one page.
     */
    private Boolean autoPaginate = false;

    /**
     * Batch message id (bm-...) for batchMessage recall, readUser and progress. Header CamelLarkBatchMessageId.
     */
    private String batchMessageId;

    /**
     * cardkit: the card entity id for every operation but create. Header CamelLarkCardId.
     */
    private String cardId;

    /**
     * Card delayUpdate: the token of the card callback (c-...). Header CamelLarkCardToken.
     */
    private String cardToken;

    /**
     * Chat id (oc_...) for pin list, chat addMembers and ephemeral cards. Header CamelLarkChatId.
     */
    private String chatId;

    /**
     * Message list: the chat_id or thread_id; when absent, chatId. Header CamelLarkContainerId.
     */
    private String containerId;

    /**
     * Message list: container type, chat or thread; when absent, thread for omt_ ids and chat otherwise. Header
     * CamelLarkContainerIdType.
     */
    private String containerIdType;

    /**
     * File upload: duration in milliseconds of audio or video. Header CamelLarkDuration.
     */
    private Integer duration;

    /**
     * cardkit: the element (its element_id in the card JSON) for updateElement, patchElement, deleteElement and
     * updateText; for stream, the text element of the card (default answer). Header CamelLarkElementId.
     */
    private String elementId;

    /**
     * Emoji type of a reaction (THUMBSUP, SMILE, DONE ...); a filter for reaction list. Header CamelLarkEmojiType.
     */
    private String emojiType;

    /**
     * End of the time range: message list in epoch seconds, pin list in epoch milliseconds. Header CamelLarkEndTime.
     */
    private String endTime;

    /**
     * File key (file_...) to download or send, or the resource key for getResource. Header CamelLarkFileKey.
     */
    private String fileKey;

    /**
     * File upload: the file name (with extension). Header CamelLarkFileName.
     */
    private String fileName;

    /**
     * File upload: opus, mp4, pdf, doc, xls, ppt or stream; inferred from the file name when absent. Header
     * CamelLarkFileType.
     */
    private String fileType;

    /**
     * Client-side flow control: calls wait for a place under Lark's rate limits (appRateLimitPerSecond,
     * appRateLimitPerMinute, receiverRateLimitPerSecond) instead of being refused by Lark. The wait is on a timer,
     * never on a thread. The limits are shared by all the endpoints of one app in the component.
     */
    private Boolean flowControl = true;

    /**
     * Image key (img_...) to download or send. Header CamelLarkImageKey.
     */
    private String imageKey;

    /**
     * Image upload: message (for sending, the default) or avatar. Header CamelLarkImageType.
     */
    private String imageType;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * How many times a call is retried after rate limiting (HTTP 429, codes 99991400, 230020, 11232), a 5xx reply or
     * an I/O error (the latter two only for calls that are safe to repeat: reads and calls carrying a uuid).
     */
    private Integer maxRetries = 3;

    /**
     * Type of member ids for chat addMembers: open_id, union_id, user_id or app_id. Header CamelLarkMemberIdType.
     */
    private String memberIdType;

    /**
     * The message (om_...) to reply to, edit, recall, forward, read, react to, pin, buzz or update. Header
     * CamelLarkMessageId.
     */
    private String messageId;

    /**
     * The Lark msg_type of the content: text, post, image, file, audio, media, sticker, interactive, share_chat,
     * share_user, system. Defaults to text for a String body. Header CamelLarkMsgType.
     */
    private String msgType;

    /**
     * The operation to perform on the resource. Each resource has a default: message send, batchMessage send, image
     * upload, file upload, card update, reaction create, pin create, urgent app, urlPreview batchUpdate, chat create,
     * customBot send, cardkit create. The header CamelLarkOperation wins.
     */
    private String operation;

    /**
     * Page size of list operations. Header CamelLarkPageSize.
     */
    private Integer pageSize;

    /**
     * Page token of list operations: the page to fetch. Header CamelLarkPageToken.
     */
    private String pageToken;

    /**
     * Reaction delete: the reaction id. Header CamelLarkReactionId.
     */
    private String reactionId;

    /**
     * The user, chat or thread that receives the message (Lark receive_id); for card sendEphemeral, the user who sees
     * the card. Header CamelLarkReceiveId.
     */
    private String receiveId;

    /**
     * Type of receiveId: open_id, union_id, user_id, email, chat_id (thread_id for forwards). When absent it is
     * inferred from the id: oc_ chat_id, ou_ open_id, on_ union_id, omt_ thread_id (forwards), an e-mail address
     * email; user ids always need it. For card sendEphemeral: open_id (default), user_id or email. Header
     * CamelLarkReceiveIdType.
     */
    private String receiveIdType;

    /**
     * Flow control: sends and replies per second to one user or chat (receiveId, or the chat of a reply:
     * CamelLarkChatId), and card updates per second of one message; Lark allows 5.
     */
    private Integer receiverRateLimitPerSecond = 5;

    /**
     * Reply: whether the reply goes into the message's thread. Header CamelLarkReplyInThread.
     */
    private Boolean replyInThread = false;

    /**
     * Message getResource: image or file; when absent, image for img_ keys and file otherwise. Header
     * CamelLarkResourceType.
     */
    private String resourceType;

    /**
     * cardkit: the sequence of the operation, strictly increasing per card (1 to 2147483647). Header
     * CamelLarkCardSequence, which create, stream and every cardkit operation leave set to the next one.
     */
    private Integer sequence;

    /**
     * Message list order: ByCreateTimeAsc or ByCreateTimeDesc. Header CamelLarkSortType.
     */
    private String sortType;

    /**
     * Start of the time range: message list in epoch seconds, pin list in epoch milliseconds. Header
     * CamelLarkStartTime.
     */
    private String startTime;

    /**
     * cardkit stream: the text an ended-in-error card shows under the text typed so far.
     */
    private String streamErrorText = "Sorry, the answer could not be completed.";

    /**
     * cardkit stream: a stream that gets no chunk for this long is ended: its text is final and the card leaves
     * streaming mode. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration streamIdleTimeout = Duration.ofMillis(30000);

    /**
     * cardkit stream: how many streams may be open at once per endpoint; the first chunk of one more is refused.
     */
    private Integer streamMaxOpen = 1000;

    /**
     * cardkit stream: at most this many updates per second reach each card (Lark refuses more than 10). Chunks
     * arriving faster are coalesced into one update.
     */
    private Integer streamMaxUpdatesPerSecond = 5;

    /**
     * cardkit stream: the title of the card the writer creates; no header when absent.
     */
    private String streamTitle;

    /**
     * Store apps: the tenant to act for. Header CamelLarkTenantKey.
     */
    private String tenantKey;

    /**
     * The thread (omt_...) for forwardThread. Header CamelLarkThreadId.
     */
    private String threadId;

    /**
     * Urgent: comma-separated user ids to buzz, when the body does not list them. Header CamelLarkUserIdList.
     */
    private String userIdList;

    /**
     * Type of user ids in request and reply: open_id, union_id or user_id. Header CamelLarkUserIdType.
     */
    private String userIdType;

    /**
     * Idempotency key (at most 50 characters). When absent, send-like operations derive one from the exchange id, the
     * operation, the target and the content, so a redelivered exchange never posts twice. Header CamelLarkUuid.
     */
    private String uuid;

    /**
     * Flow control: how many calls of the app may wait for their place at once, so memory stays flat under a storm;
     * more fail at once with a FlowControlException.
     */
    private Integer flowControlMaxQueued = 10000;

    /**
     * Flow control: how long a call may wait for its place; past it the exchange fails with a FlowControlException
     * naming the limit and the receiver, and nothing is sent. A duration: milliseconds (30000), 30s or ISO-8601
     * (PT30S).
     */
    private Duration flowControlMaxWait = Duration.ofMillis(60000);

    /**
     * Upper bound of one wait before a retry, whatever x-ogw-ratelimit-reset says. A duration: milliseconds (30000),
     * 30s or ISO-8601 (PT30S).
     */
    private Duration maxRetryWait = Duration.ofMillis(60000);

    /**
     * First wait before retrying a 5xx reply or an I/O error; doubles on each retry, bounded by maxRetryWait. A
     * duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration retryBackoff = Duration.ofMillis(500);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Base URI of the Lark Open Platform; overrides domain. Point it at a local simulator for tests.
     */
    private String baseUri;

    /**
     * Timeout for establishing connections to Lark. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration connectTimeout = Duration.ofMillis(10000);

    /**
     * Expert: Vert.x HttpClientOptions to start from instead of the component's defaults (keep-alive, connectTimeout).
     * The proxy and SSL options still apply on top of them.
     */
    private HttpClientOptions httpClientOptions;

    /**
     * The most connections kept open to Lark's host (HTTP/1.1 keep-alive pool); calls beyond it wait for a free
     * connection. Size it to the number of sends in flight.
     */
    private Integer maxConnections = 64;

    /**
     * Timeout for Lark to answer a request (until the response headers arrive). A duration: milliseconds (30000), 30s
     * or ISO-8601 (PT30S).
     */
    private Duration requestTimeout = Duration.ofMillis(30000);

    /**
     * The Vert.x instance that carries every HTTP call and the long connection. Found in the registry when there is
     * one (camel-platform-http-vertx and camel-vertx share theirs); otherwise the component creates one with two event
     * loops and closes it when it stops. A Vert.x given here is never closed by the component.
     */
    private Vertx vertx;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * HTTP proxy host for calls to Lark (REST and WebSocket).
     */
    private String proxyHost;

    /**
     * HTTP proxy port for calls to Lark.
     */
    private Integer proxyPort;

    /**
     * The App ID of the Lark app (cli_...).
     */
    private String appId;

    /**
     * The App Secret of the Lark app. Give it as a placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String appSecret;

    /**
     * The kind of app: selfBuilt (enterprise self-built, the default) or store (marketplace app: tokens per tenant
     * from the app_ticket).
     */
    private LarkAppType appType = LarkAppType.selfBuilt;

    /**
     * customBot: the signing secret of the custom bot; when set, requests are signed (timestamp sign). Give it as a
     * placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String botSecret;

    /**
     * The Encrypt Key set in the Lark console: webhook events are decrypted with it and their X-Lark-Signature
     * checked. Give it as a placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String encryptKey;

    /**
     * Webhook: the largest request body accepted, in bytes. Larger bodies are refused with HTTP 413 and never parsed.
     */
    private Integer maxEventBodySize = 1048576;

    /**
     * Webhook: refuse requests whose X-Lark-Request-Timestamp is further than this from now (replay protection; the
     * signature covers the timestamp when an encryptKey is set). The default (10 minutes) covers network delay and
     * clock skew with a wide margin, and Lark's redeliveries after 15 s and 5 min even if they keep the first push's
     * timestamp. 0 turns the check off. A duration: milliseconds (30000), 30s or ISO-8601 (PT30S).
     */
    private Duration maxRequestAge = Duration.ofMillis(600000);

    /**
     * Camel's TLS settings (trust store, key store, protocols) for HTTPS calls and the wss long connection, e.g. a
     * corporate trust store.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * A user_access_token (u-...): the call is made as that user instead of as the app. The header
     * CamelLarkUserAccessToken wins. Give it as a placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String userAccessToken;

    /**
     * The Verification Token set in the Lark console: when set, events carrying another token are refused. Give it as
     * a placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String verificationToken;

    /**
     * customBot: the group custom-bot webhook URL (https://open.feishu.cn/open-apis/bot/v2/hook/...). It carries a
     * secret token. Give it as a placeholder ({{env:...}} or a vault reference), never as a literal.
     */
    private String webhookUrl;

    public LarkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LarkConfiguration configuration) {
        this.configuration = configuration;
    }

    public LarkDomain getDomain() {
        return domain;
    }

    public void setDomain(LarkDomain domain) {
        this.domain = domain;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Duration getEventDeadline() {
        return eventDeadline;
    }

    public void setEventDeadline(Duration eventDeadline) {
        this.eventDeadline = eventDeadline;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    public void setMaxEventAge(Duration maxEventAge) {
        this.maxEventAge = maxEventAge;
    }

    public LarkEventOrder getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(LarkEventOrder orderBy) {
        this.orderBy = orderBy;
    }

    public LarkTransport getTransport() {
        return transport;
    }

    public void setTransport(LarkTransport transport) {
        this.transport = transport;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Duration getWsConnectTimeout() {
        return wsConnectTimeout;
    }

    public void setWsConnectTimeout(Duration wsConnectTimeout) {
        this.wsConnectTimeout = wsConnectTimeout;
    }

    public Duration getWsFragmentTtl() {
        return wsFragmentTtl;
    }

    public void setWsFragmentTtl(Duration wsFragmentTtl) {
        this.wsFragmentTtl = wsFragmentTtl;
    }

    public Duration getWsKeepAliveInterval() {
        return wsKeepAliveInterval;
    }

    public void setWsKeepAliveInterval(Duration wsKeepAliveInterval) {
        this.wsKeepAliveInterval = wsKeepAliveInterval;
    }

    public Duration getWsPingTimeout() {
        return wsPingTimeout;
    }

    public void setWsPingTimeout(Duration wsPingTimeout) {
        this.wsPingTimeout = wsPingTimeout;
    }

    public Duration getWsReconnectMaxDelay() {
        return wsReconnectMaxDelay;
    }

    public void setWsReconnectMaxDelay(Duration wsReconnectMaxDelay) {
        this.wsReconnectMaxDelay = wsReconnectMaxDelay;
    }

    public Integer getAppRateLimitPerMinute() {
        return appRateLimitPerMinute;
    }

    public void setAppRateLimitPerMinute(Integer appRateLimitPerMinute) {
        this.appRateLimitPerMinute = appRateLimitPerMinute;
    }

    public Integer getAppRateLimitPerSecond() {
        return appRateLimitPerSecond;
    }

    public void setAppRateLimitPerSecond(Integer appRateLimitPerSecond) {
        this.appRateLimitPerSecond = appRateLimitPerSecond;
    }

    public Boolean getAutoPaginate() {
        return autoPaginate;
    }

    public void setAutoPaginate(Boolean autoPaginate) {
        this.autoPaginate = autoPaginate;
    }

    public String getBatchMessageId() {
        return batchMessageId;
    }

    public void setBatchMessageId(String batchMessageId) {
        this.batchMessageId = batchMessageId;
    }

    public String getCardId() {
        return cardId;
    }

    public void setCardId(String cardId) {
        this.cardId = cardId;
    }

    public String getCardToken() {
        return cardToken;
    }

    public void setCardToken(String cardToken) {
        this.cardToken = cardToken;
    }

    public String getChatId() {
        return chatId;
    }

    public void setChatId(String chatId) {
        this.chatId = chatId;
    }

    public String getContainerId() {
        return containerId;
    }

    public void setContainerId(String containerId) {
        this.containerId = containerId;
    }

    public String getContainerIdType() {
        return containerIdType;
    }

    public void setContainerIdType(String containerIdType) {
        this.containerIdType = containerIdType;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getElementId() {
        return elementId;
    }

    public void setElementId(String elementId) {
        this.elementId = elementId;
    }

    public String getEmojiType() {
        return emojiType;
    }

    public void setEmojiType(String emojiType) {
        this.emojiType = emojiType;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getFileKey() {
        return fileKey;
    }

    public void setFileKey(String fileKey) {
        this.fileKey = fileKey;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public Boolean getFlowControl() {
        return flowControl;
    }

    public void setFlowControl(Boolean flowControl) {
        this.flowControl = flowControl;
    }

    public String getImageKey() {
        return imageKey;
    }

    public void setImageKey(String imageKey) {
        this.imageKey = imageKey;
    }

    public String getImageType() {
        return imageType;
    }

    public void setImageType(String imageType) {
        this.imageType = imageType;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getMemberIdType() {
        return memberIdType;
    }

    public void setMemberIdType(String memberIdType) {
        this.memberIdType = memberIdType;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getMsgType() {
        return msgType;
    }

    public void setMsgType(String msgType) {
        this.msgType = msgType;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public String getPageToken() {
        return pageToken;
    }

    public void setPageToken(String pageToken) {
        this.pageToken = pageToken;
    }

    public String getReactionId() {
        return reactionId;
    }

    public void setReactionId(String reactionId) {
        this.reactionId = reactionId;
    }

    public String getReceiveId() {
        return receiveId;
    }

    public void setReceiveId(String receiveId) {
        this.receiveId = receiveId;
    }

    public String getReceiveIdType() {
        return receiveIdType;
    }

    public void setReceiveIdType(String receiveIdType) {
        this.receiveIdType = receiveIdType;
    }

    public Integer getReceiverRateLimitPerSecond() {
        return receiverRateLimitPerSecond;
    }

    public void setReceiverRateLimitPerSecond(Integer receiverRateLimitPerSecond) {
        this.receiverRateLimitPerSecond = receiverRateLimitPerSecond;
    }

    public Boolean getReplyInThread() {
        return replyInThread;
    }

    public void setReplyInThread(Boolean replyInThread) {
        this.replyInThread = replyInThread;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public Integer getSequence() {
        return sequence;
    }

    public void setSequence(Integer sequence) {
        this.sequence = sequence;
    }

    public String getSortType() {
        return sortType;
    }

    public void setSortType(String sortType) {
        this.sortType = sortType;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getStreamErrorText() {
        return streamErrorText;
    }

    public void setStreamErrorText(String streamErrorText) {
        this.streamErrorText = streamErrorText;
    }

    public Duration getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(Duration streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public Integer getStreamMaxOpen() {
        return streamMaxOpen;
    }

    public void setStreamMaxOpen(Integer streamMaxOpen) {
        this.streamMaxOpen = streamMaxOpen;
    }

    public Integer getStreamMaxUpdatesPerSecond() {
        return streamMaxUpdatesPerSecond;
    }

    public void setStreamMaxUpdatesPerSecond(Integer streamMaxUpdatesPerSecond) {
        this.streamMaxUpdatesPerSecond = streamMaxUpdatesPerSecond;
    }

    public String getStreamTitle() {
        return streamTitle;
    }

    public void setStreamTitle(String streamTitle) {
        this.streamTitle = streamTitle;
    }

    public String getTenantKey() {
        return tenantKey;
    }

    public void setTenantKey(String tenantKey) {
        this.tenantKey = tenantKey;
    }

    public String getThreadId() {
        return threadId;
    }

    public void setThreadId(String threadId) {
        this.threadId = threadId;
    }

    public String getUserIdList() {
        return userIdList;
    }

    public void setUserIdList(String userIdList) {
        this.userIdList = userIdList;
    }

    public String getUserIdType() {
        return userIdType;
    }

    public void setUserIdType(String userIdType) {
        this.userIdType = userIdType;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public Integer getFlowControlMaxQueued() {
        return flowControlMaxQueued;
    }

    public void setFlowControlMaxQueued(Integer flowControlMaxQueued) {
        this.flowControlMaxQueued = flowControlMaxQueued;
    }

    public Duration getFlowControlMaxWait() {
        return flowControlMaxWait;
    }

    public void setFlowControlMaxWait(Duration flowControlMaxWait) {
        this.flowControlMaxWait = flowControlMaxWait;
    }

    public Duration getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(Duration maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public Duration getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClientOptions getHttpClientOptions() {
        return httpClientOptions;
    }

    public void setHttpClientOptions(HttpClientOptions httpClientOptions) {
        this.httpClientOptions = httpClientOptions;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public LarkAppType getAppType() {
        return appType;
    }

    public void setAppType(LarkAppType appType) {
        this.appType = appType;
    }

    public String getBotSecret() {
        return botSecret;
    }

    public void setBotSecret(String botSecret) {
        this.botSecret = botSecret;
    }

    public String getEncryptKey() {
        return encryptKey;
    }

    public void setEncryptKey(String encryptKey) {
        this.encryptKey = encryptKey;
    }

    public Integer getMaxEventBodySize() {
        return maxEventBodySize;
    }

    public void setMaxEventBodySize(Integer maxEventBodySize) {
        this.maxEventBodySize = maxEventBodySize;
    }

    public Duration getMaxRequestAge() {
        return maxRequestAge;
    }

    public void setMaxRequestAge(Duration maxRequestAge) {
        this.maxRequestAge = maxRequestAge;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getUserAccessToken() {
        return userAccessToken;
    }

    public void setUserAccessToken(String userAccessToken) {
        this.userAccessToken = userAccessToken;
    }

    public String getVerificationToken() {
        return verificationToken;
    }

    public void setVerificationToken(String verificationToken) {
        this.verificationToken = verificationToken;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }
}
