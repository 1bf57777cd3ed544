package io.github.camellark.lark.event;

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
}
