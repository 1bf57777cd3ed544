package io.github.camellark.lark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camellark.lark.health.LarkProducerHealthCheck;
import io.github.camellark.lark.metrics.Micrometer;
import io.github.camellark.lark.support.SimulatorTestSupport;
import io.github.camellark.lark.testkit.events.LarkEvent;
import io.github.camellark.lark.testkit.state.SimChat;
import io.github.camellark.lark.testkit.ws.WsDelivery;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees: the endpoint's and the consumer's figures through JMX (Camel's management), the same figures
 * as Micrometer meters when a MeterRegistry is in the registry, and the rate-limit saturation in the producer's health.
 */
class LarkManagementTest extends SimulatorTestSupport {

    private static final String SEND = "lark:message?receiverRateLimitPerSecond=2";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send").to(SEND);
                from("lark:events?eventTypes=im.message.receive_v1").routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void theEndpointsFiguresAreJmxAttributesAndMeters() throws Exception {
        SimChat chat = lark.createChat("ops", lark.createUser("Ann"));
        for (int i = 0; i < 3; i++) {
            template.sendBodyAndHeader("direct:send", "hello " + i, LarkConstants.RECEIVE_ID, chat.chatId());
        }
        lark.faults().on("POST", "/open-apis/im/v1/messages").failNext(1, 400, 230001, "invalid receive_id");
        Exchange refused = template.send(SEND, e -> {
            e.getMessage().setBody("to nowhere");
            e.getMessage().setHeader(LarkConstants.RECEIVE_ID, "oc_unknown");
        });
        assertThat(refused.getException()).hasMessageContaining("230001");

        ObjectName endpoint = single("endpoints", "lark://message");
        MBeanServer jmx = mbeanServer();
        assertThat(jmx.getAttribute(endpoint, "CallCount")).isEqualTo(4L);
        assertThat(jmx.getAttribute(endpoint, "CallSucceededCount")).isEqualTo(3L);
        assertThat(jmx.getAttribute(endpoint, "FailuresByCode")).isEqualTo("{230001=1}");
        assertThat(jmx.getAttribute(endpoint, "RateLimitWaitCount")).as("the third send to the chat waited").isEqualTo(1L);
        assertThat((Long) jmx.getAttribute(endpoint, "RateLimitWaitTimeMillis")).isPositive();
        assertThat(jmx.getAttribute(endpoint, "TokenFetchCount")).isEqualTo(1L);
        assertThat(jmx.getAttribute(endpoint, "RetryCount")).isEqualTo(0L);

        Map<String, String> send = Map.of("endpoint", "lark://message?receiverRateLimitPerSecond=2");
        assertThat(counter("lark.calls", send)).isEqualTo(4);
        assertThat(counter("lark.calls.failed", Map.of("endpoint", send.get("endpoint"), "code", "230001"))).isEqualTo(1);
        assertThat(counter("lark.token.fetches", send)).isEqualTo(1);
        FunctionTimer waits = meters.get("lark.ratelimit.wait").tags("endpoint", send.get("endpoint")).functionTimer();
        assertThat(waits.count()).isEqualTo(1);
        assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isPositive();
        assertThat(meters.get("lark.flowcontrol.queued").tags("endpoint", send.get("endpoint")).gauge().value()).isZero();
    }

    @Test
    void theConsumersFiguresAreJmxAttributesAndMeters() throws Exception {
        SimChat chat = lark.createChat("ops-events", lark.createUser("Ben"));
        await().atMost(Duration.ofSeconds(10)).until(() -> lark.longConnection().openConnections().size() == 1);
        LarkEvent event = lark.events().factory().textMessage(lark.events().factory().user("Ben"), chat.chatId(), "hi");
        WsDelivery first = lark.longConnection().push(event);
        await().atMost(Duration.ofSeconds(10)).until(first::isDelivered);
        WsDelivery copy = lark.longConnection().push(event);
        await().atMost(Duration.ofSeconds(10)).until(copy::isDelivered);

        ObjectName consumer = single("consumers", "LarkEventsConsumer");
        MBeanServer jmx = mbeanServer();
        assertThat(jmx.getAttribute(consumer, "ConnectionState")).isEqualTo("CONNECTED");
        assertThat(jmx.getAttribute(consumer, "ConnectCount")).isEqualTo(1L);
        assertThat(jmx.getAttribute(consumer, "ReconnectCount")).isEqualTo(0L);
        assertThat(jmx.getAttribute(consumer, "RoutedEventCount")).isEqualTo(1L);
        assertThat(jmx.getAttribute(consumer, "DuplicateEventCount")).isEqualTo(1L);
        assertThat(jmx.getAttribute(consumer, "StaleEventCount")).isEqualTo(0L);
        assertThat(jmx.getAttribute(consumer, "RefusedEvents")).isEqualTo("{}");
        assertThat(jmx.getAttribute(consumer, "QueuedEvents")).isEqualTo(0);
        assertThat(jmx.getAttribute(consumer, "EventsInRoute")).isEqualTo(0);

        assertThat(counter("lark.events.routed", Map.of("route", "events"))).isEqualTo(1);
        assertThat(counter("lark.events.duplicates", Map.of("route", "events"))).isEqualTo(1);
        assertThat(counter("lark.events.refused", Map.of("reason", "overloaded"))).isZero();
        assertThat(meters.get("lark.connection.connected").gauge().value()).isEqualTo(1);
        assertThat(counter("lark.connection.connects", Map.of())).isEqualTo(1);
    }

    @Test
    void theProducersHealthShowsHowCloseTheAppIsToItsLimits() {
        SimChat chat = lark.createChat("ops-health", lark.createUser("Cid"));
        template.sendBodyAndHeader("direct:send", "hello", LarkConstants.RECEIVE_ID, chat.chatId());

        WritableHealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                WritableHealthCheckRepository.class);
        producers.setEnabled(true); // camel.health.producersEnabled=true
        HealthCheck check = producers.stream().filter(c -> c instanceof LarkProducerHealthCheck).findFirst().orElseThrow();
        HealthCheck.Result result = check.call(Map.of());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("lark.flowControl.appPerSecond", "1/50")
                .containsEntry("lark.flowControl.queued", 0).containsKey("lark.flowControl.saturation")
                .containsEntry("lark.calls", 1L);
    }

    @Test
    void withoutAMeterRegistryNothingIsRegisteredAndNothingFails() {
        context.getRegistry().unbind("meters");
        int before = meters.getMeters().size();

        LarkEndpoint endpoint = context.getEndpoint(SEND, LarkEndpoint.class);

        assertThat(Micrometer.bindEndpoint(context, "cli_test", endpoint.getEndpointUri(), endpoint)).isNotNull();
        assertThat(meters.getMeters()).hasSize(before);
    }

    private double counter(String name, Map<String, String> tags) {
        var search = meters.find(name);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        FunctionCounter counter = search.functionCounter();
        assertThat(counter).as(name + " " + tags).isNotNull();
        return counter.count();
    }

    private MBeanServer mbeanServer() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }

    /** The one MBean of the type whose name contains the text. */
    private ObjectName single(String type, String nameContains) throws Exception {
        String domain = context.getManagementStrategy().getManagementAgent().getMBeanObjectDomainName();
        Set<ObjectName> names = mbeanServer().queryNames(new ObjectName(domain + ":type=" + type + ",*"), null);
        List<ObjectName> matching = names.stream().filter(name -> name.toString().contains(nameContains)).toList();
        assertThat(matching).as(type + " " + nameContains + " among " + names).hasSize(1);
        return matching.get(0);
    }
}
