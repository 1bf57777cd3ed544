package io.github.camellark.lark.event.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LogCapture;
import io.github.camellark.lark.support.SampleEvents;
import io.github.camellark.lark.support.WebhookInstance;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Exactly once in a cluster: two instances (CamelContexts, each with its own webhook server) share camel-sql's JDBC
 * idempotent repository, and Lark's copies of the same 500 events reach both at the same moment. The instance that
 * loses the race for an id gets a duplicate-key error from the database: that is a duplicate, answered 200, not a
 * failure that would make Lark redeliver.
 * <p>
 * The database is an embedded H2, or the PostgreSQL that {@code LARK_TEST_JDBC_URL} (or the system property
 * {@code lark.test.jdbc.url}) names, with {@code LARK_TEST_JDBC_USER} and {@code LARK_TEST_JDBC_PASSWORD}. A named
 * database that cannot be reached fails the test: it is never skipped.
 */
class ClusterDedupeTest {

    private static final int EVENTS = 500;
    private static final String PATH = "/lark/events";

    private final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    private final List<WebhookInstance> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        if (!instances.isEmpty()) {
            instances.get(0).context().getRegistry().lookupByNameAndType("larkEventIds", JdbcMessageIdRepository.class).clear();
        }
        instances.forEach(WebhookInstance::close);
    }

    @Test
    void copiesOfOneEventReachingTwoInstancesAtOnceAreRoutedOnceAndNeverAnsweredWithAServerError() throws Exception {
        DataSource database = database();
        // a name of its own: a PostgreSQL kept between runs may hold the rows of earlier runs
        String processorName = "lark-cluster-" + UUID.randomUUID();
        WebhookInstance first = start(database, processorName);
        WebhookInstance second = start(database, processorName);

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        Semaphore inFlight = new Semaphore(64);
        for (int i = 0; i < EVENTS; i++) {
            String body = WebhookInstance.encrypted(SampleEvents.messageInChat("ev-cluster-" + i, "oc_cluster" + i % 20, "hi"));
            Map<String, String> headers = WebhookInstance.signed(body);
            // Lark's copy and its redelivery, or two copies behind a load balancer: both at the same moment
            answers.add(post(first, body, headers, inFlight));
            answers.add(post(second, body, headers, inFlight));
        }

        for (CompletableFuture<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).as("HTTP status of a copy").isEqualTo(200);
        }
        assertThat(routed).as("events routed in the cluster").hasSize(EVENTS);
        assertThat(routed.values()).allSatisfy(count -> assertThat(count.get()).as("times one event was routed").isOne());
        List<String> logged = LogCapture.linesContaining("ev-cluster-");
        assertThat(logged).as("log lines about cluster events above DEBUG").allMatch(line -> line.startsWith("DEBUG"));
        assertThat(logged.size()).as("log lines about the copies dropped").isLessThanOrEqualTo(EVENTS);
    }

    /** One instance of the application: its own Camel context, HTTP server and repository object, the shared database. */
    private WebhookInstance start(DataSource database, String processorName) throws Exception {
        WebhookInstance instance = new WebhookInstance();
        instances.add(instance);
        instance.context().getRegistry().bind("larkEventIds", new JdbcMessageIdRepository(database, processorName));
        return instance.start(routes -> routes.from("lark:events?transport=webhook&idempotentRepository=#larkEventIds")
                .process(exchange -> routed.computeIfAbsent(exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class),
                        id -> new AtomicInteger()).incrementAndGet()));
    }

    private static CompletableFuture<Integer> post(WebhookInstance instance, String body, Map<String, String> headers,
                                                   Semaphore inFlight) throws InterruptedException {
        inFlight.acquire();
        return instance.post(PATH, body, headers).whenComplete((status, error) -> inFlight.release());
    }

    /** The database the instances share: the one named by LARK_TEST_JDBC_URL, else an embedded H2 of this test. */
    private static DataSource database() {
        String url = setting("lark.test.jdbc.url", "LARK_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            return new DriverManagerDataSource("jdbc:h2:mem:lark-cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        DriverManagerDataSource named = new DriverManagerDataSource(url, setting("lark.test.jdbc.user", "LARK_TEST_JDBC_USER"),
                setting("lark.test.jdbc.password", "LARK_TEST_JDBC_PASSWORD"));
        try (Connection connection = named.getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        } catch (SQLException e) {
            // the URL without its parameters, which may carry a password
            fail("LARK_TEST_JDBC_URL names " + url.replaceAll("[?;].*", "") + " but that database cannot be reached (" + e.getMessage()
                 + "). Start it, or unset LARK_TEST_JDBC_URL to run this test on an embedded H2.");
        }
        return named;
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environment);
    }
}
