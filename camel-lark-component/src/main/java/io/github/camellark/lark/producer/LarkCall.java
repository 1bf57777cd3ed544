package io.github.camellark.lark.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.client.LarkApiException;
import io.github.camellark.lark.client.LarkClient;
import io.github.camellark.lark.client.LarkReply;
import io.github.camellark.lark.client.LarkRequest;
import io.github.camellark.lark.client.Pages;
import io.github.camellark.lark.operation.LarkOperation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One exchange being processed by one operation: the handlers' view of the exchange (parameters, body, results) and of
 * the Lark client.
 */
public final class LarkCall {

    private final Exchange exchange;
    private final LarkOperation operation;
    private final LarkConfiguration configuration;
    private final LarkClient client;

    public LarkCall(Exchange exchange, LarkOperation operation, LarkConfiguration configuration, LarkClient client) {
        this.exchange = exchange;
        this.operation = operation;
        this.configuration = configuration;
        this.client = client;
    }

    public Exchange exchange() {
        return exchange;
    }

    public LarkOperation operation() {
        return operation;
    }

    /** The operation's URI name, for error messages. */
    public String operationName() {
        return operation.uriName();
    }

    public LarkConfiguration configuration() {
        return configuration;
    }

    public LarkClient client() {
        return client;
    }

    public Message in() {
        return exchange.getMessage();
    }

    public Object body() {
        return in().getBody();
    }

    public <T> T body(Class<T> type) {
        return in().getBody(type);
    }

    /** The header value when present, else the endpoint option; null when neither is set. */
    public String param(LarkParam param) {
        Object value = in().getHeader(param.header());
        if (value == null || value instanceof String && ((String) value).isEmpty()) {
            value = param.configuredValue(configuration);
        }
        return value == null ? null : param.checked(exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value));
    }

    public String param(LarkParam param, String defaultValue) {
        String value = param(param);
        return value == null ? defaultValue : value;
    }

    /** Like {@link #param(LarkParam)}, failing with a message naming the option and the header when it is missing. */
    public String require(LarkParam param) {
        String value = param(param);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("lark " + operationName() + " needs " + param.option() + ": set the endpoint option '"
                                               + param.option() + "' or the header '" + param.header() + "'");
        }
        return value;
    }

    public Integer intParam(LarkParam param) {
        String value = param(param);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param.option() + " must be a whole number, got '" + value + "'");
        }
    }

    public Boolean boolParam(LarkParam param) {
        String value = param(param);
        return value == null ? null : Boolean.valueOf(value.trim());
    }

    /** Sends a request as this exchange's identity (user token, tenant) and records the log id of the reply. */
    public CompletableFuture<LarkReply> send(LarkRequest.Builder request) {
        request.userAccessToken(param(LarkParam.USER_ACCESS_TOKEN)).tenantKey(param(LarkParam.TENANT_KEY));
        return client.call(request.build()).handle((reply, failure) -> {
            if (failure != null) {
                Throwable cause = LarkClient.unwrap(failure);
                if (cause instanceof LarkApiException && ((LarkApiException) cause).getLogId() != null) {
                    in().setHeader(LarkConstants.LOG_ID, ((LarkApiException) cause).getLogId());
                }
                throw new CompletionException(cause);
            }
            if (reply.logId() != null) {
                in().setHeader(LarkConstants.LOG_ID, reply.logId());
            }
            return reply;
        });
    }

    /** Sends a request and makes the reply's {@code data} the body. */
    public CompletableFuture<Void> sendForData(LarkRequest.Builder request) {
        return send(request).thenAccept(reply -> in().setBody(reply.data()));
    }

    /** Sends a request whose reply data is a message: the data becomes the body and its id CamelLarkMessageId. */
    CompletableFuture<Void> sendForMessage(LarkRequest.Builder request) {
        return send(request).thenAccept(reply -> Results.message(this, reply.data()));
    }

    /**
     * A list operation. With {@code autoPaginate} the body becomes a lazy Iterator over the items of every page; otherwise
     * the items of one page (from the pageToken param), with {@code CamelLarkHasMore} and {@code CamelLarkPageToken}.
     * The pageSize param is checked against {@code maxPageSize} before any call, and every page carries it.
     *
     * @param maxPageSize the largest page Lark serves for this list
     * @param request     builds the list request without its paging query parameters
     */
    public CompletableFuture<Void> list(int maxPageSize, Supplier<LarkRequest.Builder> request) {
        Integer pageSize = Paging.pageSize(this, maxPageSize);
        Function<String, LarkRequest.Builder> page = token -> request.get().query("page_size", pageSize).query("page_token", token);
        if (configuration.isAutoPaginate()) {
            return send(page.apply(null)).thenAccept(first -> in().setBody(new Pages(first.data(),
                    token -> send(page.apply(token)).join().data())));
        }
        return send(page.apply(param(LarkParam.PAGE_TOKEN))).thenAccept(reply -> {
            Map<String, Object> data = reply.data();
            Object items = data.get("items");
            in().setBody(items instanceof List ? items : List.of());
            in().setHeader(LarkConstants.HAS_MORE, Boolean.TRUE.equals(data.get("has_more")));
            Object next = data.get("page_token");
            if (Boolean.TRUE.equals(data.get("has_more")) && next != null) {
                in().setHeader(LarkConstants.PAGE_TOKEN, next.toString());
            } else {
                in().removeHeader(LarkConstants.PAGE_TOKEN);
            }
        });
    }
}
