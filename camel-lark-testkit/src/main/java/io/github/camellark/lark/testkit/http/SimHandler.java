package io.github.camellark.lark.testkit.http;

import java.io.IOException;

/**
 * Answers one HTTP request of the simulator. Built-in Lark operations and routes added with
 * {@code LarkSimulator.addRoute(...)} share this shape, so an added route gets the same parsed
 * request, journal entry, faults and {@code X-Tt-Logid} header as the built-in ones.
 * <p>
 * Throw {@link LarkError} to answer with a Lark error envelope.
 */
@FunctionalInterface
public interface SimHandler {

    SimResponse handle(SimRequest request) throws IOException;
}
