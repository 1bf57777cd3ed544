package io.github.camellark.lark.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;

/** The meters one endpoint or consumer registered, removed together. Only loaded when Micrometer is present. */
final class Meters implements AutoCloseable {

    /** The name camel-micrometer gives its registry. */
    private static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    Meters(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /**
     * The registry of the Camel context: camel-micrometer's when there is one, else the only one, else the composite
     * that feeds the others (Spring Boot Actuator's when it has several); null when there is none.
     */
    static MeterRegistry registry(CamelContext context) {
        MeterRegistry named = context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        return all.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
    }

    <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    /** A counter of these tags that reads its count from {@code source}. */
    <T> void counter(String name, String description, T source, ToDoubleFunction<T> count) {
        add(FunctionCounter.builder(name, source, count).description(description).tags(tags).register(registry));
    }

    /** A gauge of these tags that reads its value from {@code source}. */
    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        add(Gauge.builder(name, source, value).description(description).tags(tags).register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
