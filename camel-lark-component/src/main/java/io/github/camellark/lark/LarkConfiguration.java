package io.github.camellark.lark;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * All options of the {@code lark:} component. Set once on the component ({@code camel.component.lark.*}) and override
 * per endpoint; per-call options are also headers ({@link LarkConstants}) that win over them.
 * <p>
 * Deliberately has no {@code toString()}: it holds secrets.
 */
@UriParams
@Configurer
public class LarkConfiguration implements Cloneable {

    /**
     * Lark redelivers a failed event after about 15 s, 5 min, 1 h and 6 h: 30 minutes keeps the first two (a short
     * outage or a failed route heals) and drops the late ones, which would reach a chat hours after the question. Lark's
     * own higher-level Channel SDK drops events after 30 minutes too.
     */
    public static final long DEFAULT_MAX_EVENT_AGE = 30 * 60 * 1000L;
    /**
     * The signature covers X-Lark-Request-Timestamp; whether Lark signs every redelivery anew, with a fresh timestamp,
     * is not documented (unverified). 10 minutes covers network delay and clock skew many times over, and still admits
     * the redeliveries after 15 s and 5 min should Lark keep the first push's timestamp on them.
     */
    public static final long DEFAULT_MAX_REQUEST_AGE = 10 * 60 * 1000L;

    @UriParam(label = "producer",
              description = "The operation to perform on the resource. Each resource has a default: message send, batchMessage send, image upload, file upload, card update, reaction create, pin create, urgent app, urlPreview batchUpdate, chat create, customBot send, cardkit create. The header CamelLarkOperation wins.",
              enums = "send,reply,edit,recall,forward,mergeForward,forwardThread,readUsers,list,get,getResource,pushFollowUp,readUser,progress,upload,download,update,delayUpdate,sendEphemeral,deleteEphemeral,create,delete,app,sms,phone,batchUpdate,addMembers,settings,addElement,updateElement,patchElement,deleteElement,updateText,stream")
    private String operation;
    @UriParam(label = "security",
              description = "The App ID of the Lark app (cli_...).")
    private String appId;
    @UriParam(label = "security",
              description = "The App Secret of the Lark app.",
              secret = true)
    private String appSecret;
    @UriParam(label = "security",
              defaultValue = "selfBuilt",
              description = "The kind of app: selfBuilt (enterprise self-built, the default) or store (marketplace app: tokens per tenant from the app_ticket).")
    private LarkAppType appType = LarkAppType.selfBuilt;
    @UriParam(label = "security",
              description = "The Encrypt Key set in the Lark console: webhook events are decrypted with it and their X-Lark-Signature checked.",
              secret = true)
    private String encryptKey;
    @UriParam(label = "security",
              description = "The Verification Token set in the Lark console: when set, events carrying another token are refused.",
              secret = true)
    private String verificationToken;
    @UriParam(label = "security",
              description = "customBot: the group custom-bot webhook URL (https://open.feishu.cn/open-apis/bot/v2/hook/...). It carries a secret token.",
              secret = true)
    private String webhookUrl;
    @UriParam(label = "security",
              description = "customBot: the signing secret of the custom bot; when set, requests are signed (timestamp + sign).",
              secret = true)
    private String botSecret;
    @UriParam(label = "security",
              description = "A user_access_token (u-...): the call is made as that user instead of as the app. The header CamelLarkUserAccessToken wins.",
              secret = true)
    private String userAccessToken;
    @UriParam(label = "common",
              defaultValue = "feishu",
              description = "Which Lark platform to call: feishu (https://open.feishu.cn) or lark (https://open.larksuite.com).")
    private LarkDomain domain = LarkDomain.feishu;
    @UriParam(label = "advanced",
              description = "Base URI of the Lark Open Platform; overrides domain. Point it at a local simulator for tests.")
    private String baseUri;
    @UriParam(label = "advanced",
              description = "The Vert.x instance that carries every HTTP call and the long connection. Found in the registry when there is one (camel-platform-http-vertx and camel-vertx share theirs); otherwise the component creates one with two event loops and closes it when it stops. A Vert.x given here is never closed by the component.")
    @Metadata(autowired = true)
    private Vertx vertx;
    @UriParam(label = "advanced",
              description = "Expert: Vert.x HttpClientOptions to start from instead of the component's defaults (keep-alive, connectTimeout). The proxy and SSL options still apply on top of them.")
    private HttpClientOptions httpClientOptions;
    @UriParam(label = "advanced",
              defaultValue = "64",
              description = "The most connections kept open to Lark's host (HTTP/1.1 keep-alive pool); calls beyond it wait for a free connection. Size it to the number of sends in flight.")
    private int maxConnections = 64;
    @UriParam(label = "security",
              description = "Camel's TLS settings (trust store, key store, protocols) for HTTPS calls and the wss long connection, e.g. a corporate trust store.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security",
              defaultValue = "false",
              description = "Use the CamelContext's global SSLContextParameters when sslContextParameters is not set.")
    private boolean useGlobalSslContextParameters;
    @UriParam(label = "advanced",
              defaultValue = "10000",
              description = "Timeout for establishing connections to Lark.",
              javaType = "java.time.Duration")
    private long connectTimeout = 10000L;
    @UriParam(label = "advanced",
              defaultValue = "30000",
              description = "Timeout for Lark to answer a request (until the response headers arrive).",
              javaType = "java.time.Duration")
    private long requestTimeout = 30000L;
    @UriParam(label = "proxy",
              description = "HTTP proxy host for calls to Lark (REST and WebSocket).")
    private String proxyHost;
    @UriParam(label = "proxy",
              description = "HTTP proxy port for calls to Lark.")
    private Integer proxyPort;
    @UriParam(label = "producer",
              defaultValue = "3",
              description = "How many times a call is retried after rate limiting (HTTP 429, codes 99991400, 230020, 11232), a 5xx reply or an I/O error (the latter two only for calls that are safe to repeat: reads and calls carrying a uuid).")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced",
              defaultValue = "60000",
              description = "Upper bound of one wait before a retry, whatever x-ogw-ratelimit-reset says.",
              javaType = "java.time.Duration")
    private long maxRetryWait = 60000L;
    @UriParam(label = "producer,advanced",
              defaultValue = "500",
              description = "First wait before retrying a 5xx reply or an I/O error; doubles on each retry, bounded by maxRetryWait.",
              javaType = "java.time.Duration")
    private long retryBackoff = 500L;
    @UriParam(label = "producer",
              defaultValue = "true",
              description = "Client-side flow control: calls wait for a place under Lark's rate limits (appRateLimitPerSecond, appRateLimitPerMinute, receiverRateLimitPerSecond) instead of being refused by Lark. The wait is on a timer, never on a thread. The limits are shared by all the endpoints of one app in the component.")
    private boolean flowControl = true;
    @UriParam(label = "producer",
              defaultValue = "50",
              description = "Flow control: calls per second of the app to Lark's IM APIs (per tenant for store apps), all endpoints together; Lark allows 50 for most IM APIs. With several JVMs sending as one app, set each node's share.")
    private int appRateLimitPerSecond = 50;
    @UriParam(label = "producer",
              defaultValue = "1000",
              description = "Flow control: calls per minute of the app to Lark's IM APIs (per tenant for store apps), all endpoints together; Lark allows 1,000 for most IM APIs. With several JVMs sending as one app, set each node's share.")
    private int appRateLimitPerMinute = 1000;
    @UriParam(label = "producer",
              defaultValue = "5",
              description = "Flow control: sends and replies per second to one user or chat (receiveId, or the chat of a reply: CamelLarkChatId), and card updates per second of one message; Lark allows 5.")
    private int receiverRateLimitPerSecond = 5;
    @UriParam(label = "producer,advanced",
              defaultValue = "60000",
              description = "Flow control: how long a call may wait for its place; past it the exchange fails with a FlowControlException naming the limit and the receiver, and nothing is sent.",
              javaType = "java.time.Duration")
    private long flowControlMaxWait = 60000L;
    @UriParam(label = "producer,advanced",
              defaultValue = "10000",
              description = "Flow control: how many calls of the app may wait for their place at once, so memory stays flat under a storm; more fail at once with a FlowControlException.")
    private int flowControlMaxQueued = 10000;
    @UriParam(label = "producer",
              defaultValue = "false",
              description = "List operations: when true the body is an Iterator over the items of all pages, fetched lazily (use with split().streaming()); when false, the items of one page.")
    private boolean autoPaginate = false;
    @UriParam(label = "producer",
              description = "Type of receiveId: open_id, union_id, user_id, email, chat_id (thread_id for forwards). When absent it is inferred from the id: oc_ chat_id, ou_ open_id, on_ union_id, omt_ thread_id (forwards), an e-mail address email; user ids always need it. For card sendEphemeral: open_id (default), user_id or email. Header CamelLarkReceiveIdType.",
              enums = "open_id,union_id,user_id,email,chat_id,thread_id")
    private String receiveIdType;
    @UriParam(label = "producer",
              description = "The user, chat or thread that receives the message (Lark receive_id); for card sendEphemeral, the user who sees the card. Header CamelLarkReceiveId.")
    private String receiveId;
    @UriParam(label = "producer",
              description = "The Lark msg_type of the content: text, post, image, file, audio, media, sticker, interactive, share_chat, share_user, system. Defaults to text for a String body. Header CamelLarkMsgType.",
              enums = "text,post,image,file,audio,media,sticker,interactive,share_chat,share_user,system")
    private String msgType;
    @UriParam(label = "producer",
              description = "The message (om_...) to reply to, edit, recall, forward, read, react to, pin, buzz or update. Header CamelLarkMessageId.")
    private String messageId;
    @UriParam(label = "producer",
              description = "The thread (omt_...) for forwardThread. Header CamelLarkThreadId.")
    private String threadId;
    @UriParam(label = "producer",
              description = "Reply: whether the reply goes into the message's thread. Header CamelLarkReplyInThread.")
    private Boolean replyInThread;
    @UriParam(label = "producer",
              description = "Idempotency key (at most 50 characters). When absent, send-like operations derive one from the exchange id, the operation, the target and the content, so a redelivered exchange never posts twice. Header CamelLarkUuid.")
    private String uuid;
    @UriParam(label = "producer",
              description = "Type of user ids in request and reply: open_id, union_id or user_id. Header CamelLarkUserIdType.",
              enums = "open_id,union_id,user_id")
    private String userIdType;
    @UriParam(label = "producer",
              description = "Type of member ids for chat addMembers: open_id, union_id, user_id or app_id. Header CamelLarkMemberIdType.",
              enums = "open_id,union_id,user_id,app_id")
    private String memberIdType;
    @UriParam(label = "producer",
              description = "Message list: container type, chat or thread; when absent, thread for omt_ ids and chat otherwise. Header CamelLarkContainerIdType.",
              enums = "chat,thread")
    private String containerIdType;
    @UriParam(label = "producer",
              description = "Message list: the chat_id or thread_id; when absent, chatId. Header CamelLarkContainerId.")
    private String containerId;
    @UriParam(label = "producer",
              description = "Start of the time range: message list in epoch seconds, pin list in epoch milliseconds. Header CamelLarkStartTime.")
    private String startTime;
    @UriParam(label = "producer",
              description = "End of the time range: message list in epoch seconds, pin list in epoch milliseconds. Header CamelLarkEndTime.")
    private String endTime;
    @UriParam(label = "producer",
              description = "Message list order: ByCreateTimeAsc or ByCreateTimeDesc. Header CamelLarkSortType.",
              enums = "ByCreateTimeAsc,ByCreateTimeDesc")
    private String sortType;
    @UriParam(label = "producer",
              description = "Page size of list operations. Header CamelLarkPageSize.")
    private Integer pageSize;
    @UriParam(label = "producer",
              description = "Page token of list operations: the page to fetch. Header CamelLarkPageToken.")
    private String pageToken;
    @UriParam(label = "producer",
              description = "Message getResource: image or file; when absent, image for img_ keys and file otherwise. Header CamelLarkResourceType.",
              enums = "image,file")
    private String resourceType;
    @UriParam(label = "producer",
              description = "Image upload: message (for sending, the default) or avatar. Header CamelLarkImageType.",
              enums = "message,avatar")
    private String imageType;
    @UriParam(label = "producer",
              description = "Image key (img_...) to download or send. Header CamelLarkImageKey.")
    private String imageKey;
    @UriParam(label = "producer",
              description = "File upload: opus, mp4, pdf, doc, xls, ppt or stream; inferred from the file name when absent. Header CamelLarkFileType.",
              enums = "opus,mp4,pdf,doc,xls,ppt,stream")
    private String fileType;
    @UriParam(label = "producer",
              description = "File upload: the file name (with extension). Header CamelLarkFileName.")
    private String fileName;
    @UriParam(label = "producer",
              description = "File upload: duration in milliseconds of audio or video. Header CamelLarkDuration.")
    private Integer duration;
    @UriParam(label = "producer",
              description = "File key (file_...) to download or send, or the resource key for getResource. Header CamelLarkFileKey.")
    private String fileKey;
    @UriParam(label = "producer",
              description = "Reaction delete: the reaction id. Header CamelLarkReactionId.")
    private String reactionId;
    @UriParam(label = "producer",
              description = "Emoji type of a reaction (THUMBSUP, SMILE, DONE ...); a filter for reaction list. Header CamelLarkEmojiType.")
    private String emojiType;
    @UriParam(label = "producer",
              description = "Chat id (oc_...) for pin list, chat addMembers and ephemeral cards. Header CamelLarkChatId.")
    private String chatId;
    @UriParam(label = "producer",
              description = "Batch message id (bm-...) for batchMessage recall, readUser and progress. Header CamelLarkBatchMessageId.")
    private String batchMessageId;
    @UriParam(label = "producer",
              description = "Card delayUpdate: the token of the card callback (c-...). Header CamelLarkCardToken.")
    private String cardToken;
    @UriParam(label = "producer",
              description = "Urgent: comma-separated user ids to buzz, when the body does not list them. Header CamelLarkUserIdList.")
    private String userIdList;
    @UriParam(label = "producer",
              description = "Store apps: the tenant to act for. Header CamelLarkTenantKey.")
    private String tenantKey;
    @UriParam(label = "producer",
              description = "cardkit: the card entity id for every operation but create. Header CamelLarkCardId.")
    private String cardId;
    @UriParam(label = "producer",
              description = "cardkit: the element (its element_id in the card JSON) for updateElement, patchElement, deleteElement and updateText; for stream, the text element of the card (default answer). Header CamelLarkElementId.")
    private String elementId;
    @UriParam(label = "producer",
              description = "cardkit: the sequence of the operation, strictly increasing per card (1 to 2147483647). Header CamelLarkCardSequence, which create, stream and every cardkit operation leave set to the next one.")
    private Integer sequence;
    @UriParam(label = "producer",
              defaultValue = "5",
              description = "cardkit stream: at most this many updates per second reach each card (Lark refuses more than 10). Chunks arriving faster are coalesced into one update.")
    private int streamMaxUpdatesPerSecond = 5;
    @UriParam(label = "producer",
              defaultValue = "30000",
              description = "cardkit stream: a stream that gets no chunk for this long is ended: its text is final and the card leaves streaming mode.",
              javaType = "java.time.Duration")
    private long streamIdleTimeout = 30000L;
    @UriParam(label = "producer",
              defaultValue = "1000",
              description = "cardkit stream: how many streams may be open at once per endpoint; the first chunk of one more is refused.")
    private int streamMaxOpen = 1000;
    @UriParam(label = "producer",
              description = "cardkit stream: the title of the card the writer creates; no header when absent.")
    private String streamTitle;
    @UriParam(label = "producer",
              defaultValue = "Sorry, the answer could not be completed.",
              description = "cardkit stream: the text an ended-in-error card shows under the text typed so far.")
    private String streamErrorText = "Sorry, the answer could not be completed.";
    @UriParam(label = "consumer",
              defaultValue = "websocket",
              description = "How events reach the consumer: websocket (Lark's long connection, no public URL needed, self-built apps) or webhook (Lark pushes HTTP requests through Camel's HTTP platform).")
    private LarkTransport transport = LarkTransport.websocket;
    @UriParam(label = "consumer",
              description = "Comma-separated event types to route (for example im.message.receive_v1,card.action.trigger); others are acknowledged and dropped. Default: all.")
    private String eventTypes;
    @UriParam(label = "consumer,advanced",
              description = "Repository of seen event ids: duplicates Lark redelivers are dropped. Default: in memory, bounded, remembering ids for at least 8 hours. Share one (for example JDBC) between instances.")
    private org.apache.camel.spi.IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer",
              defaultValue = "2500",
              description = "How long Lark waits is 3 seconds: when the route has not finished within this time the event is acknowledged as a success while the route goes on (card callbacks are answered with an empty reply).",
              javaType = "java.time.Duration")
    private long eventDeadline = 2500L;
    @UriParam(label = "consumer",
              defaultValue = "/lark/events",
              description = "transport=webhook: the HTTP path Lark posts events and card callbacks to (the request URL set in the Lark console ends with it). Served by Camel's HTTP platform: the component named by camel.rest.component, else platform-http, else the one camel-webhook would pick.")
    private String webhookPath = "/lark/events";
    @UriParam(label = "consumer",
              defaultValue = "chat",
              description = "Which events reach the route one at a time, in the order Lark sent them: chat (the events of one chat, else of one sender, in order; different chats in parallel) or none (every event as soon as a routing thread is free).")
    private LarkEventOrder orderBy = LarkEventOrder.chat;
    @UriParam(label = "consumer",
              defaultValue = "1800000",
              description = "Events whose create_time is older than this are acknowledged, counted and not routed: a bot should not answer a question of hours ago. The default (30 minutes) keeps Lark's redeliveries after 15 s and 5 min and drops those after 1 h and 6 h. 0 routes events of any age.",
              javaType = "java.time.Duration")
    private long maxEventAge = DEFAULT_MAX_EVENT_AGE;
    @UriParam(label = "consumer,security",
              defaultValue = "600000",
              description = "Webhook: refuse requests whose X-Lark-Request-Timestamp is further than this from now (replay protection; the signature covers the timestamp when an encryptKey is set). The default (10 minutes) covers network delay and clock skew with a wide margin, and Lark's redeliveries after 15 s and 5 min even if they keep the first push's timestamp. 0 turns the check off.",
              javaType = "java.time.Duration")
    private long maxRequestAge = DEFAULT_MAX_REQUEST_AGE;
    @UriParam(label = "consumer,security",
              defaultValue = "1048576",
              description = "Webhook: the largest request body accepted, in bytes. Larger bodies are refused with HTTP 413 and never parsed.")
    private int maxEventBodySize = 1048576;

    // WebSocket long connection (transport=websocket)
    @UriParam(label = "consumer,advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "Long connection: timeout of the endpoint discovery request and of the WebSocket handshake.")
    private long wsConnectTimeout = 15000L;
    @UriParam(label = "consumer,advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Long connection liveness watchdog: when nothing arrives within this time (at most twice Lark's PingInterval) after a ping, the connection is taken as dead (half-open after a NAT drop or sleep) and replaced. 0 disables it.")
    private long wsPingTimeout = 30000L;
    @UriParam(label = "consumer,advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "Long connection: how often a WebSocket ping checks that Lark is still there, between Lark's own pings (every PingInterval, 120 s by default). With wsPingTimeout, a half-open connection is replaced within wsKeepAliveInterval + wsPingTimeout (45 s by default). 0 sends none.")
    private long wsKeepAliveInterval = 15000L;
    @UriParam(label = "consumer,advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Long connection: upper bound of the waits before reconnecting (Lark pushes a random delay of up to ReconnectNonce seconds after a drop and ReconnectInterval seconds between failed attempts). 0 follows Lark's values.")
    private long wsReconnectMaxDelay;
    @UriParam(label = "consumer,advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Long connection: how long the fragments of a payload Lark split over several frames are kept waiting for the missing ones.")
    private long wsFragmentTtl = 10000L;

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
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

    public String getEncryptKey() {
        return encryptKey;
    }

    public void setEncryptKey(String encryptKey) {
        this.encryptKey = encryptKey;
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

    public String getBotSecret() {
        return botSecret;
    }

    public void setBotSecret(String botSecret) {
        this.botSecret = botSecret;
    }

    public String getUserAccessToken() {
        return userAccessToken;
    }

    public void setUserAccessToken(String userAccessToken) {
        this.userAccessToken = userAccessToken;
    }

    public LarkDomain getDomain() {
        return domain;
    }

    public void setDomain(LarkDomain domain) {
        this.domain = domain;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public HttpClientOptions getHttpClientOptions() {
        return httpClientOptions;
    }

    public void setHttpClientOptions(HttpClientOptions httpClientOptions) {
        this.httpClientOptions = httpClientOptions;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
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

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryWait() {
        return maxRetryWait;
    }

    public void setMaxRetryWait(long maxRetryWait) {
        this.maxRetryWait = maxRetryWait;
    }

    public long getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(long retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public boolean isAutoPaginate() {
        return autoPaginate;
    }

    public void setAutoPaginate(boolean autoPaginate) {
        this.autoPaginate = autoPaginate;
    }

    public String getReceiveIdType() {
        return receiveIdType;
    }

    public void setReceiveIdType(String receiveIdType) {
        this.receiveIdType = receiveIdType;
    }

    public String getReceiveId() {
        return receiveId;
    }

    public void setReceiveId(String receiveId) {
        this.receiveId = receiveId;
    }

    public String getMsgType() {
        return msgType;
    }

    public void setMsgType(String msgType) {
        this.msgType = msgType;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getThreadId() {
        return threadId;
    }

    public void setThreadId(String threadId) {
        this.threadId = threadId;
    }

    public Boolean getReplyInThread() {
        return replyInThread;
    }

    public void setReplyInThread(Boolean replyInThread) {
        this.replyInThread = replyInThread;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getUserIdType() {
        return userIdType;
    }

    public void setUserIdType(String userIdType) {
        this.userIdType = userIdType;
    }

    public String getMemberIdType() {
        return memberIdType;
    }

    public void setMemberIdType(String memberIdType) {
        this.memberIdType = memberIdType;
    }

    public String getContainerIdType() {
        return containerIdType;
    }

    public void setContainerIdType(String containerIdType) {
        this.containerIdType = containerIdType;
    }

    public String getContainerId() {
        return containerId;
    }

    public void setContainerId(String containerId) {
        this.containerId = containerId;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getSortType() {
        return sortType;
    }

    public void setSortType(String sortType) {
        this.sortType = sortType;
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

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getImageType() {
        return imageType;
    }

    public void setImageType(String imageType) {
        this.imageType = imageType;
    }

    public String getImageKey() {
        return imageKey;
    }

    public void setImageKey(String imageKey) {
        this.imageKey = imageKey;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getFileKey() {
        return fileKey;
    }

    public void setFileKey(String fileKey) {
        this.fileKey = fileKey;
    }

    public String getReactionId() {
        return reactionId;
    }

    public void setReactionId(String reactionId) {
        this.reactionId = reactionId;
    }

    public String getEmojiType() {
        return emojiType;
    }

    public void setEmojiType(String emojiType) {
        this.emojiType = emojiType;
    }

    public String getChatId() {
        return chatId;
    }

    public void setChatId(String chatId) {
        this.chatId = chatId;
    }

    public String getBatchMessageId() {
        return batchMessageId;
    }

    public void setBatchMessageId(String batchMessageId) {
        this.batchMessageId = batchMessageId;
    }

    public String getCardToken() {
        return cardToken;
    }

    public void setCardToken(String cardToken) {
        this.cardToken = cardToken;
    }

    public String getUserIdList() {
        return userIdList;
    }

    public void setUserIdList(String userIdList) {
        this.userIdList = userIdList;
    }

    public String getTenantKey() {
        return tenantKey;
    }

    public void setTenantKey(String tenantKey) {
        this.tenantKey = tenantKey;
    }

    public LarkTransport getTransport() {
        return transport;
    }

    public void setTransport(LarkTransport transport) {
        this.transport = transport;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public org.apache.camel.spi.IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(org.apache.camel.spi.IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public long getEventDeadline() {
        return eventDeadline;
    }

    public void setEventDeadline(long eventDeadline) {
        this.eventDeadline = eventDeadline;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public LarkEventOrder getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(LarkEventOrder orderBy) {
        this.orderBy = orderBy;
    }

    public long getMaxEventAge() {
        return maxEventAge;
    }

    public void setMaxEventAge(long maxEventAge) {
        this.maxEventAge = maxEventAge;
    }

    public long getMaxRequestAge() {
        return maxRequestAge;
    }

    public void setMaxRequestAge(long maxRequestAge) {
        this.maxRequestAge = maxRequestAge;
    }

    public int getMaxEventBodySize() {
        return maxEventBodySize;
    }

    public void setMaxEventBodySize(int maxEventBodySize) {
        this.maxEventBodySize = maxEventBodySize;
    }

    public long getWsConnectTimeout() {
        return wsConnectTimeout;
    }

    public void setWsConnectTimeout(long wsConnectTimeout) {
        this.wsConnectTimeout = wsConnectTimeout;
    }

    public long getWsKeepAliveInterval() {
        return wsKeepAliveInterval;
    }

    public void setWsKeepAliveInterval(long wsKeepAliveInterval) {
        this.wsKeepAliveInterval = wsKeepAliveInterval;
    }

    public long getWsPingTimeout() {
        return wsPingTimeout;
    }

    public void setWsPingTimeout(long wsPingTimeout) {
        this.wsPingTimeout = wsPingTimeout;
    }

    public long getWsReconnectMaxDelay() {
        return wsReconnectMaxDelay;
    }

    public void setWsReconnectMaxDelay(long wsReconnectMaxDelay) {
        this.wsReconnectMaxDelay = wsReconnectMaxDelay;
    }

    public long getWsFragmentTtl() {
        return wsFragmentTtl;
    }

    public void setWsFragmentTtl(long wsFragmentTtl) {
        this.wsFragmentTtl = wsFragmentTtl;
    }

    public String getCardId() {
        return cardId;
    }

    public void setCardId(String cardId) {
        this.cardId = cardId;
    }

    public String getElementId() {
        return elementId;
    }

    public void setElementId(String elementId) {
        this.elementId = elementId;
    }

    public Integer getSequence() {
        return sequence;
    }

    public void setSequence(Integer sequence) {
        this.sequence = sequence;
    }

    public int getStreamMaxUpdatesPerSecond() {
        return streamMaxUpdatesPerSecond;
    }

    public void setStreamMaxUpdatesPerSecond(int streamMaxUpdatesPerSecond) {
        this.streamMaxUpdatesPerSecond = streamMaxUpdatesPerSecond;
    }

    public long getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(long streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public int getStreamMaxOpen() {
        return streamMaxOpen;
    }

    public void setStreamMaxOpen(int streamMaxOpen) {
        this.streamMaxOpen = streamMaxOpen;
    }

    public String getStreamTitle() {
        return streamTitle;
    }

    public void setStreamTitle(String streamTitle) {
        this.streamTitle = streamTitle;
    }

    public String getStreamErrorText() {
        return streamErrorText;
    }

    public void setStreamErrorText(String streamErrorText) {
        this.streamErrorText = streamErrorText;
    }

    /** A copy for one endpoint, so that endpoint options never change the component's defaults. */
    public boolean isFlowControl() {
        return flowControl;
    }

    public void setFlowControl(boolean flowControl) {
        this.flowControl = flowControl;
    }

    public int getAppRateLimitPerSecond() {
        return appRateLimitPerSecond;
    }

    public void setAppRateLimitPerSecond(int appRateLimitPerSecond) {
        this.appRateLimitPerSecond = appRateLimitPerSecond;
    }

    public int getAppRateLimitPerMinute() {
        return appRateLimitPerMinute;
    }

    public void setAppRateLimitPerMinute(int appRateLimitPerMinute) {
        this.appRateLimitPerMinute = appRateLimitPerMinute;
    }

    public int getReceiverRateLimitPerSecond() {
        return receiverRateLimitPerSecond;
    }

    public void setReceiverRateLimitPerSecond(int receiverRateLimitPerSecond) {
        this.receiverRateLimitPerSecond = receiverRateLimitPerSecond;
    }

    public long getFlowControlMaxWait() {
        return flowControlMaxWait;
    }

    public void setFlowControlMaxWait(long flowControlMaxWait) {
        this.flowControlMaxWait = flowControlMaxWait;
    }

    public int getFlowControlMaxQueued() {
        return flowControlMaxQueued;
    }

    public void setFlowControlMaxQueued(int flowControlMaxQueued) {
        this.flowControlMaxQueued = flowControlMaxQueued;
    }

    public LarkConfiguration copy() {
        try {
            return (LarkConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
