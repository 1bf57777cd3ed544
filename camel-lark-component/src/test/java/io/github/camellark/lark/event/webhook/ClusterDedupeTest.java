package io.github.camellark.lark.event.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

import io.github.camellark.lark.LarkComponent;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.support.LarkBodies;
import io.github.camellark.lark.support.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.test.AvailablePortFinder;
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
    private static final String ENCRYPT_KEY = "cluster-encrypt-key-0001";
    private static final String TOKEN = "cluster-verification-token-0001";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    private final List<CamelContext> instances = new ArrayList<>();
    private JdbcMessageIdRepository cleanup;

    @AfterEach
    void stopInstances() {
        if (cleanup != null) {
            cleanup.clear();
        }
        instances.forEach(CamelContext::stop);
    }

    @Test
    void copiesOfOneEventReachingTwoInstancesAtOnceAreRoutedOnceAndNeverAnsweredWithAServerError() throws Exception {
        DataSource database = database();
        // a name of its own: a PostgreSQL kept between runs may hold the rows of earlier runs
        String processorName = "lark-cluster-" + UUID.randomUUID();
        URI first = start(database, processorName);
        URI second = start(database, processorName);
        cleanup = instances.get(0).getRegistry().lookupByNameAndType("larkEventIds", JdbcMessageIdRepository.class);

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        Semaphore inFlight = new Semaphore(64);
        for (int i = 0; i < EVENTS; i++) {
            String chat = "oc_cluster" + i % 20;
            String body = LarkBodies.encrypted(ENCRYPT_KEY, LarkBodies.messageInChat("ev-cluster-" + i, chat, "hi").replace(
                    "\"token\":\"\"", "\"token\":\"" + TOKEN + "\""));
            Map<String, String> headers = signed(body);
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
    private URI start(DataSource database, String processorName) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext instance = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        instance.addService(new VertxPlatformHttpServer(server));
        LarkComponent lark = new LarkComponent();
        lark.getConfiguration().setEncryptKey(ENCRYPT_KEY);
        lark.getConfiguration().setVerificationToken(TOKEN);
        instance.getRegistry().bind("lark", lark);
        instance.getRegistry().bind("larkEventIds", new JdbcMessageIdRepository(database, processorName));
        instance.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("lark:events?transport=webhook&idempotentRepository=#larkEventIds")
                        .process(exchange -> routed.computeIfAbsent(
                                exchange.getMessage().getHeader(LarkConstants.EVENT_ID, String.class),
                                id -> new AtomicInteger()).incrementAndGet());
            }
        });
        instances.add(instance);
        instance.start();
        return URI.create("http://127.0.0.1:" + port + "/lark/events");
    }

    private CompletableFuture<Integer> post(URI url, String body, Map<String, String> headers, Semaphore inFlight)
            throws InterruptedException {
        inFlight.acquire();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> inFlight.release())
                .thenApply(HttpResponse::statusCode);
    }

    private static Map<String, String> signed(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        return Map.of("X-Lark-Request-Timestamp", timestamp, "X-Lark-Request-Nonce", nonce,
                "X-Lark-Signature", LarkBodies.signature(timestamp, nonce, ENCRYPT_KEY, body));
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
            fail("LARK_TEST_JDBC_URL names " + url + " but that database cannot be reached (" + e.getMessage()
                 + "). Start it, or unset LARK_TEST_JDBC_URL to run this test on an embedded H2.");
        }
        return named;
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environment);
    }
}
