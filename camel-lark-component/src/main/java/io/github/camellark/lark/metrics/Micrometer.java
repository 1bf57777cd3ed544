package io.github.camellark.lark.metrics;

import org.apache.camel.CamelContext;

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

    /** Registers the meters of an endpoint, tagged with its app and URI; closing the result removes them. */
    public static AutoCloseable bindEndpoint(CamelContext context, String appId, String endpointUri, EndpointFigures endpoint) {
        return PRESENT ? EndpointMeters.bind(context, appId, endpointUri, endpoint) : () -> {
        };
    }

    /** Registers the meters of a consumer, tagged with its app and route; closing the result removes them. */
    public static AutoCloseable bindConsumer(CamelContext context, String appId, String routeId, ConsumerFigures consumer) {
        return PRESENT ? ConsumerMeters.bind(context, appId, routeId, consumer) : () -> {
        };
    }
}
