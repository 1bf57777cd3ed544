package io.github.camellark.lark.testkit;

import com.lark.oapi.Client;
import com.lark.oapi.core.cache.ICache;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.token.AccessTokenType;
import com.lark.oapi.service.im.v1.model.CreateImageReq;
import com.lark.oapi.service.im.v1.model.CreateImageReqBody;
import com.lark.oapi.service.im.v1.model.CreateImageResp;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageResp;
import com.lark.oapi.service.im.v1.model.GetImageReq;
import com.lark.oapi.service.im.v1.model.GetImageResp;
import com.lark.oapi.service.im.v1.model.ListMessageReq;
import com.lark.oapi.service.im.v1.model.ListMessageResp;
import com.lark.oapi.service.im.v1.model.Message;
import com.lark.oapi.service.im.v1.model.CreateFileReq;
import com.lark.oapi.service.im.v1.model.CreateFileReqBody;
import com.lark.oapi.service.im.v1.model.CreateFileResp;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageReactionResp;
import com.lark.oapi.service.im.v1.model.CreatePinReq;
import com.lark.oapi.service.im.v1.model.CreatePinReqBody;
import com.lark.oapi.service.im.v1.model.CreatePinResp;
import com.lark.oapi.service.im.v1.model.Emoji;
import com.lark.oapi.service.im.v1.model.GetMessageResourceReq;
import com.lark.oapi.service.im.v1.model.GetMessageResourceResp;
import com.lark.oapi.service.im.v1.model.ListPinReq;
import com.lark.oapi.service.im.v1.model.ListPinResp;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageResp;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.state.SimUser;
import io.github.camellark.lark.testkit.state.StoredResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Lark Java SDK (the reference peer) talks to the simulator as it would to Lark and
 * gets the replies it expects.
 */
class OfficialSdkFidelityTest {

    private static LarkSimulator sim;
    private static Client sdk;
    private static SimChat room;
    private static SimUser alice;

    @BeforeAll
    static void start() {
        sim = LarkSimulator.builder().appId("cli_sdk_fidelity").appSecret("sdk-secret").start();
        alice = sim.createUser("Alice");
        room = sim.createChat("ops-room", alice);
        sdk = Client.newBuilder(sim.appId(), sim.appSecret())
                .openBaseUrl(sim.baseUri())
                // the SDK's default token cache is a JVM-wide singleton; keep this client's tokens to itself
                .tokenCache(new PrivateCache())
                .requestTimeout(10, TimeUnit.SECONDS)
                .build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void sendsATextMessage() throws Exception {
        CreateMessageResp resp = sdk.im().message().create(CreateMessageReq.newBuilder()
                .receiveIdType("chat_id")
                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                        .receiveId(room.chatId())
                        .msgType("text")
                        .content("{\"text\":\"hello from the SDK\"}")
                        .uuid("sdk-send-1")
                        .build())
                .build());

        assertThat(resp.success()).as(resp.getMsg()).isTrue();
        assertThat(resp.getData().getMessageId()).startsWith("om_");
        assertThat(resp.getData().getChatId()).isEqualTo(room.chatId());
        assertThat(resp.getData().getMsgType()).isEqualTo("text");
        assertThat(resp.getData().getBody().getContent()).isEqualTo("{\"text\":\"hello from the SDK\"}");
        assertThat(resp.getData().getSender().getSenderType()).isEqualTo("app");
        assertThat(resp.getData().getSender().getId()).isEqualTo(sim.appId());
        assertThat(resp.getRequestId()).isEqualTo(sim.journal().last("POST", "/open-apis/im/v1/messages").orElseThrow().logId());
        assertThat(sim.conversation().in(room).texts()).contains("hello from the SDK");
        assertThat(sim.journal().tokenRequests()).isNotEmpty();
    }

    @Test
    void uploadsAnImageAndDownloadsTheSameBytes(@TempDir Path dir) throws Exception {
        byte[] png = TestImages.png(64);
        Path file = Files.write(dir.resolve("chart.png"), png);

        CreateImageResp upload = sdk.im().image().create(CreateImageReq.newBuilder()
                .createImageReqBody(CreateImageReqBody.newBuilder().imageType("message").image(file.toFile()).build())
                .build());

        assertThat(upload.success()).as(upload.getMsg()).isTrue();
        String imageKey = upload.getData().getImageKey();
        assertThat(imageKey).startsWith("img_");
        StoredResource stored = sim.state().resource(imageKey).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(png);
        RecordedRequest recorded = sim.journal().last("POST", "/open-apis/im/v1/images").orElseThrow();
        assertThat(recorded.part("image_type").value()).isEqualTo("message");
        assertThat(recorded.part("image").size()).isEqualTo(png.length);

        GetImageResp download = sdk.im().image().get(GetImageReq.newBuilder().imageKey(imageKey).build());
        assertThat(download.success()).as(download.getMsg()).isTrue();
        assertThat(download.getData().toByteArray()).isEqualTo(png);
        assertThat(download.getFileName()).isEqualTo(imageKey + ".png");
    }

    @Test
    void listsMessagesPageByPage() throws Exception {
        SimChat history = sim.createChat("history", alice);
        for (int i = 1; i <= 5; i++) {
            sim.userSays(alice, history, "line " + i);
        }

        ListMessageResp first = sdk.im().message().list(ListMessageReq.newBuilder()
                .containerIdType("chat").containerId(history.chatId()).pageSize(2).build());
        assertThat(first.success()).as(first.getMsg()).isTrue();
        assertThat(first.getData().getHasMore()).isTrue();
        assertThat(texts(first.getData().getItems())).containsExactly("{\"text\":\"line 1\"}", "{\"text\":\"line 2\"}");

        String token = first.getData().getPageToken();
        ListMessageResp second = sdk.im().message().list(ListMessageReq.newBuilder()
                .containerIdType("chat").containerId(history.chatId()).pageSize(2).pageToken(token).build());
        ListMessageResp third = sdk.im().message().list(ListMessageReq.newBuilder()
                .containerIdType("chat").containerId(history.chatId()).pageSize(2)
                .pageToken(second.getData().getPageToken()).build());

        assertThat(texts(second.getData().getItems())).containsExactly("{\"text\":\"line 3\"}", "{\"text\":\"line 4\"}");
        assertThat(texts(third.getData().getItems())).containsExactly("{\"text\":\"line 5\"}");
        assertThat(third.getData().getHasMore()).isFalse();
        assertThat(third.getData().getPageToken()).isNull();
        Message line1 = first.getData().getItems()[0];
        assertThat(line1.getSender().getSenderType()).isEqualTo("user");
        assertThat(line1.getSender().getId()).isEqualTo(alice.openId());
    }

    @Test
    void repliesInAThreadReactsAndPins() throws Exception {
        SimChat chat = sim.createChat("sdk-thread", alice);
        String question = sim.userSays(alice, chat, "who is on call?").messageId();

        ReplyMessageResp reply = sdk.im().message().reply(ReplyMessageReq.newBuilder().messageId(question)
                .replyMessageReqBody(ReplyMessageReqBody.newBuilder().msgType("text").content("{\"text\":\"me\"}")
                        .replyInThread(true).build())
                .build());
        CreateMessageReactionResp reaction = sdk.im().messageReaction().create(CreateMessageReactionReq.newBuilder()
                .messageId(question)
                .createMessageReactionReqBody(CreateMessageReactionReqBody.newBuilder()
                        .reactionType(Emoji.newBuilder().emojiType("THUMBSUP").build()).build())
                .build());
        CreatePinResp pin = sdk.im().pin().create(CreatePinReq.newBuilder()
                .createPinReqBody(CreatePinReqBody.newBuilder().messageId(question).build()).build());
        ListPinResp pins = sdk.im().pin().list(ListPinReq.newBuilder().chatId(chat.chatId()).build());

        assertThat(reply.success()).as(reply.getMsg()).isTrue();
        assertThat(reply.getData().getThreadId()).startsWith("omt_");
        assertThat(reply.getData().getRootId()).isEqualTo(question);
        assertThat(reaction.getData().getReactionType().getEmojiType()).isEqualTo("THUMBSUP");
        assertThat(reaction.getData().getOperator().getOperatorType()).isEqualTo("app");
        assertThat(pin.getData().getPin().getMessageId()).isEqualTo(question);
        assertThat(pins.getData().getItems()).extracting(p -> p.getMessageId()).containsExactly(question);
    }

    @Test
    void uploadsAFileSendsItAndDownloadsItAsAMessageResource(@TempDir Path dir) throws Exception {
        byte[] pdf = "%PDF-1.4 simulated report".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("report.pdf"), pdf);

        CreateFileResp upload = sdk.im().file().create(CreateFileReq.newBuilder()
                .createFileReqBody(CreateFileReqBody.newBuilder().fileType("pdf").fileName("report.pdf").file(file.toFile()).build())
                .build());
        String fileKey = upload.getData().getFileKey();
        CreateMessageResp sent = sdk.im().message().create(CreateMessageReq.newBuilder().receiveIdType("open_id")
                .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(alice.openId()).msgType("file")
                        .content("{\"file_key\":\"" + fileKey + "\"}").build())
                .build());
        GetMessageResourceResp resource = sdk.im().messageResource().get(GetMessageResourceReq.newBuilder()
                .messageId(sent.getData().getMessageId()).fileKey(fileKey).type("file").build());

        assertThat(upload.success()).as(upload.getMsg()).isTrue();
        assertThat(sent.success()).as(sent.getMsg()).isTrue();
        assertThat(resource.success()).as(resource.getMsg()).isTrue();
        assertThat(resource.getData().toByteArray()).isEqualTo(pdf);
        assertThat(resource.getFileName()).isEqualTo("report.pdf");
    }

    @Test
    void rateLimitsAndInvalidatedTokensReachTheSdkAsLarksCodes() throws Exception {
        LarkSimulator own = LarkSimulator.builder().appId("cli_sdk_faults").start();
        try (own) {
            SimChat chat = own.createChat("faults", own.createUser("Zoe"));
            Client client = Client.newBuilder(own.appId(), own.appSecret()).openBaseUrl(own.baseUri())
                    .tokenCache(new PrivateCache()).build();
            CreateMessageReq send = CreateMessageReq.newBuilder().receiveIdType("chat_id")
                    .createMessageReqBody(CreateMessageReqBody.newBuilder().receiveId(chat.chatId()).msgType("text")
                            .content("{\"text\":\"x\"}").build())
                    .build();
            assertThat(client.im().message().create(send).success()).isTrue();

            own.faults().rateLimitNext(1, 1);
            CreateMessageResp limited = client.im().message().create(send);
            own.faults().invalidateTokens();
            CreateMessageResp invalid = client.im().message().create(send);

            assertThat(limited.getCode()).isEqualTo(99991400);
            assertThat(limited.getRawResponse().getStatusCode()).isEqualTo(429);
            // the SDK keeps its cached token: it neither evicts nor retries on 99991663
            assertThat(invalid.getCode()).isEqualTo(99991663);
            assertThat(own.journal().tokenRequests()).hasSize(1);
        }
    }

    @Test
    void reportsLarkErrorsTheWayTheSdkParsesThem() throws Exception {
        CreateMessageResp resp = sdk.im().message().create(CreateMessageReq.newBuilder()
                .receiveIdType("chat_id")
                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                        .receiveId("oc_does_not_exist").msgType("text").content("{\"text\":\"x\"}").build())
                .build());

        assertThat(resp.success()).isFalse();
        assertThat(resp.getCode()).isEqualTo(99992356);
        assertThat(resp.getError().getLogId()).isEqualTo(resp.getRequestId());
        assertThat(resp.getError().getFieldViolations()).isNotEmpty();
    }

    @Test
    void rawCallsReachTheLegacyBatchEndpoint() throws Exception {
        // the SDK serialises raw bodies with Gson reflection, so give it a plain object, not a JDK map
        BatchSend body = new BatchSend("text", new TextContent("to all"), new String[] {alice.openId()});
        RawResponse raw = sdk.post("/open-apis/message/v4/batch_send/", body, AccessTokenType.Tenant,
                RequestOptions.newBuilder().build());

        String reply = new String(raw.getBody(), StandardCharsets.UTF_8);
        assertThat(raw.getStatusCode()).isEqualTo(200);
        assertThat(reply).contains("\"code\":0").contains("bm-");
        assertThat(sim.state().batchMessages()).hasSize(1);
    }

    @SuppressWarnings("unused")
    private record TextContent(String text) {
    }

    @SuppressWarnings("unused")
    private static final class BatchSend {
        private final String msg_type;
        private final TextContent content;
        private final String[] open_ids;

        BatchSend(String msgType, TextContent content, String[] openIds) {
            this.msg_type = msgType;
            this.content = content;
            this.open_ids = openIds;
        }
    }

    private static String[] texts(Message[] items) {
        return Arrays.stream(items).map(m -> m.getBody().getContent()).toArray(String[]::new);
    }

    /** A per-client token cache so tests do not share the SDK's JVM-wide default. */
    private static final class PrivateCache implements ICache {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public String get(String key) {
            return values.getOrDefault(key, "");
        }

        @Override
        public void set(String key, String value, int expire, TimeUnit timeUnit) {
            values.put(key, value);
        }
    }
}
