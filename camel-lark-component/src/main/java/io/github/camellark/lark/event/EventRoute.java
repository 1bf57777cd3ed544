package io.github.camellark.lark.event;

import java.util.function.Supplier;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * Where the pipeline sends events: the route of a {@code lark:events} consumer, or the route behind
 * {@code webhook:lark:events}. Each event gets an exchange of its own, separate from any HTTP exchange, because Lark may
 * be answered before the route finishes.
 */
public interface EventRoute {

    Exchange createExchange();

    AsyncProcessor processor();

    /** Gives the exchange back once the route finished with it. */
    void release(Exchange exchange);

    /** Reports route failures (Lark will redeliver, or already got its answer when the deadline came first). */
    ExceptionHandler exceptionHandler();

    /** A route whose exchanges are not pooled (nothing to release). */
    static EventRoute of(Supplier<Exchange> exchanges, AsyncProcessor processor, ExceptionHandler exceptionHandler) {
        return new EventRoute() {
            @Override
            public Exchange createExchange() {
                return exchanges.get();
            }

            @Override
            public AsyncProcessor processor() {
                return processor;
            }

            @Override
            public void release(Exchange exchange) {
                // not pooled
            }

            @Override
            public ExceptionHandler exceptionHandler() {
                return exceptionHandler;
            }
        };
    }
}
