package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.cardkit.CardStreamWriter;
import io.github.camellark.lark.cardkit.ExecutorStreamTimers;
import io.github.camellark.lark.cardkit.StreamChunk;
import io.github.camellark.lark.cardkit.StreamSettings;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.content.MsgType;
import org.apache.camel.Exchange;

/**
 * {@code lark:cardkit?operation=stream}: reads a chunk from the exchange (key, position, last, error) and hands it to
 * the producer's {@link CardStreamWriter}, created on the first chunk and closed with the producer.
 */
final class CardStreamCalls implements AutoCloseable {

    private CardStreamWriter writer;

    CompletableFuture<Void> write(LarkCall call) {
        CardStreamWriter streams = writer(call);
        StreamChunk chunk = chunk(call, streams.settings());
        Function<String, LarkRequest.Builder> showCard = streams.isOpen(chunk.key()) ? content -> {
            throw new IllegalStateException("the card of stream '" + chunk.key() + "' is already shown");
        } : showCard(call);
        String userToken = call.param(LarkParam.USER_ACCESS_TOKEN);
        String tenantKey = call.param(LarkParam.TENANT_KEY);
        LarkClient client = call.client();
        return streams.write(chunk, request -> client.call(request.userAccessToken(userToken).tenantKey(tenantKey).build())
                .thenApply(reply -> reply.data()), showCard)
                .thenAccept(result -> {
                    if (result.cardId() != null) {
                        call.in().setHeader(LarkConstants.CARD_ID, result.cardId());
                    }
                    if (result.nextSequence() != null) {
                        call.in().setHeader(LarkConstants.CARD_SEQUENCE, result.nextSequence());
                    }
                });
    }

    private synchronized CardStreamWriter writer(LarkCall call) {
        if (writer == null) {
            LarkConfiguration config = call.configuration();
            StreamSettings settings = new StreamSettings(config.getStreamMaxUpdatesPerSecond(), config.getStreamIdleTimeout(),
                    config.getStreamMaxOpen(), config.getStreamTitle(), config.getElementId(), config.getStreamErrorText());
            writer = new CardStreamWriter(settings, call.client().mapper(),
                    new ExecutorStreamTimers(call.exchange().getContext().getExecutorServiceManager(), this));
        }
        return writer;
    }

    /** The chunk of the exchange; a split's index and completion stand in for the stream headers when those are absent. */
    private static StreamChunk chunk(LarkCall call, StreamSettings settings) {
        Exchange exchange = call.exchange();
        String key = call.in().getHeader(LarkConstants.STREAM_KEY, String.class);
        if (key == null || key.isBlank()) {
            key = call.param(LarkParam.MESSAGE_ID);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("lark cardkit stream needs the key of the stream: set the header '"
                                               + LarkConstants.STREAM_KEY + "' (or '" + LarkConstants.MESSAGE_ID
                                               + "', the message answered)");
        }
        Long index = call.in().getHeader(LarkConstants.STREAM_CHUNK, Long.class);
        if (index == null) {
            index = exchange.getProperty(Exchange.SPLIT_INDEX, Long.class);
        }
        Boolean last = call.in().getHeader(LarkConstants.STREAM_LAST, Boolean.class);
        if (last == null) {
            last = exchange.getProperty(Exchange.SPLIT_COMPLETE, Boolean.class);
        }
        return new StreamChunk(key, index, call.body(String.class), Boolean.TRUE.equals(last), errorText(call, settings));
    }

    /** The error text the card ends with: the header's text, or the errorText option for {@code true} or a caught exception. */
    private static String errorText(LarkCall call, StreamSettings settings) {
        String error = call.in().getHeader(LarkConstants.STREAM_ERROR, String.class);
        if (error != null && !error.isBlank() && !"false".equalsIgnoreCase(error)) {
            return "true".equalsIgnoreCase(error) ? settings.errorText() : error;
        }
        // the exception's own message may hold internals: the card shows the configured text
        return call.exchange().getProperty(Exchange.EXCEPTION_CAUGHT) != null ? settings.errorText() : null;
    }

    /** The message showing the card: sent to receiveId when set, else a reply to messageId. Checked before any call. */
    private static Function<String, LarkRequest.Builder> showCard(LarkCall call) {
        String receiveId = call.param(LarkParam.RECEIVE_ID);
        if (receiveId != null && !receiveId.isBlank()) {
            String receiveIdType = ReceiveIdTypes.of(call, RequestFields.none(call), receiveId, false);
            String uuid = Uuids.of(call, RequestFields.none(call), receiveIdType, receiveId);
            return content -> LarkRequest.post(MessagePaths.MESSAGES).query("receive_id_type", receiveIdType)
                    .json(message(content, uuid, Map.of("receive_id", receiveId))).idempotent(true).rateLimitKey(receiveId);
        }
        String messageId = call.param(LarkParam.MESSAGE_ID);
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("lark cardkit stream needs where to show the card: set receiveId (the header '"
                                               + LarkConstants.RECEIVE_ID + "') to send it, or messageId (the header '"
                                               + LarkConstants.MESSAGE_ID + "') to reply with it");
        }
        Boolean inThread = call.boolParam(LarkParam.REPLY_IN_THREAD);
        String uuid = Uuids.of(call, RequestFields.none(call), messageId);
        Map<String, Object> extra = inThread == null ? Map.of() : Map.of("reply_in_thread", inThread);
        String rateLimitKey = RateLimitKeys.reply(call, messageId);
        return content -> LarkRequest.post(MessagePaths.MESSAGE + "/reply", messageId).json(message(content, uuid, extra))
                .idempotent(true).rateLimitKey(rateLimitKey);
    }

    private static Map<String, Object> message(String content, String uuid, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("msg_type", MsgType.INTERACTIVE);
        body.put("content", content);
        body.put("uuid", uuid);
        return body;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
