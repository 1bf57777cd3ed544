package io.github.camellark.lark.producer;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.operation.LarkOperation;
import io.github.camellark.lark.operation.MessageOperation;
import io.github.camellark.lark.operation.PinOperation;
import io.github.camellark.lark.operation.ReactionOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every list operation checks pageSize against Lark's maximum for that list before any call: the calls below have no
 * client at all, so reaching Lark would fail otherwise.
 */
class ListPagingTest {

    private static final CamelContext CONTEXT = new DefaultCamelContext();

    @BeforeAll
    static void start() {
        CONTEXT.start();
    }

    @AfterAll
    static void stop() throws Exception {
        CONTEXT.close();
    }

    static Stream<Arguments> listOperations() {
        return Stream.of(
                list(MessageOperation.LIST, 50, (op, call) -> new MessageHandler().handle((MessageOperation) op, call)),
                list(MessageOperation.READ_USERS, 100, (op, call) -> new MessageHandler().handle((MessageOperation) op, call)),
                list(ReactionOperation.LIST, 50, (op, call) -> new ReactionHandler().handle((ReactionOperation) op, call)),
                list(PinOperation.LIST, 50, (op, call) -> new PinHandler().handle((PinOperation) op, call)));
    }

    private static Arguments list(LarkOperation operation, int max,
                                  BiFunction<LarkOperation, LarkCall, CompletableFuture<Void>> handler) {
        return Arguments.of(operation.getClass().getSimpleName() + " " + operation.uriName(), operation, max, handler);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void pageSizeOverTheMaximumFailsBeforeAnyCall(String name, LarkOperation operation, int max,
                                                  BiFunction<LarkOperation, LarkCall, CompletableFuture<Void>> handler) {
        assertThatThrownBy(() -> handler.apply(operation, call(operation, max + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lark " + operation.uriName() + ": pageSize must be between 1 and " + max + ", got " + (max + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOperations")
    void pageSizeBelowOneFailsBeforeAnyCall(String name, LarkOperation operation, int max,
                                            BiFunction<LarkOperation, LarkCall, CompletableFuture<Void>> handler) {
        assertThatThrownBy(() -> handler.apply(operation, call(operation, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize must be between 1 and " + max + ", got 0");
    }

    /** A call with everything the list needs but a client, and the given page size. */
    private static LarkCall call(LarkOperation operation, int pageSize) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(LarkConstants.MESSAGE_ID, "om_1");
        exchange.getMessage().setHeader(LarkConstants.CHAT_ID, "oc_1");
        exchange.getMessage().setHeader(LarkConstants.PAGE_SIZE, pageSize);
        return new LarkCall(exchange, operation, new LarkConfiguration(), null);
    }
}
