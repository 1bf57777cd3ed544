package io.github.camellark.lark.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;
import org.apache.camel.support.CamelContextHelper;

/** The meters one endpoint or consumer registered, removed together. Only loaded when Micrometer is present. */
final class Meters implements AutoCloseable {

    /** The name camel-micrometer gives its registry. */
    private static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    final MeterRegistry registry;
    final Tags tags;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    Meters(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    /** The registry of the Camel context: the only one, or camel-micrometer's; null when there is none. */
    static MeterRegistry registry(CamelContext context) {
        MeterRegistry single = CamelContextHelper.findSingleByType(context, MeterRegistry.class);
        return single != null ? single : context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
    }

    <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
