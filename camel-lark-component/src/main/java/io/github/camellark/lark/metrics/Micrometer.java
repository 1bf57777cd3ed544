package io.github.camellark.lark.metrics;

import io.github.camellark.lark.LarkEndpoint;
import io.github.camellark.lark.event.LarkEventsConsumer;

/**
 * The component's figures as Micrometer meters, when Micrometer is on the classpath and a {@code MeterRegistry} is in
 * the Camel registry (camel-micrometer, Spring Boot Actuator and Quarkus put one there). The component does not need
 * Micrometer: without it these methods do nothing, and the classes that use Micrometer's types are never loaded.
 */
public final class Micrometer {

    private static final boolean PRESENT = isPresent();

    private Micrometer() {
    }

    private static boolean isPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Micrometer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Registers the endpoint's meters; closing the result removes them. */
    public static AutoCloseable bind(LarkEndpoint endpoint) {
        return PRESENT ? EndpointMeters.bind(endpoint) : () -> {
        };
    }

    /** Registers the consumer's meters; closing the result removes them. */
    public static AutoCloseable bind(LarkEventsConsumer consumer) {
        return PRESENT ? ConsumerMeters.bind(consumer) : () -> {
        };
    }
}
