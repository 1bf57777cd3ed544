package io.github.camellark.lark.testkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP front: the JDK's {@link HttpServer} on 127.0.0.1 and a free port, a small
 * thread pool, and a router. Every request is parsed once into a {@link SimRequest}, passed
 * through the gateway (faults, then the token check for Lark business routes), answered, and
 * reported to the {@link ServerHooks}.
 */
public final class SimHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimHttpServer.class.getName());
    private static final DateTimeFormatter LOG_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** The file fields of Lark's upload APIs ({@code im/v1/images}, {@code im/v1/files}): files even without a filename. */
    private static final java.util.Set<String> FILE_FIELDS = java.util.Set.of("image", "file");

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Random random;
    private final Path tempDir;
    private final ServerHooks hooks;
    private final List<Route> builtInRoutes = new CopyOnWriteArrayList<>();
    private volatile List<Route> addedRoutes = List.of();
    private final HttpServer server;
    private final ExecutorService executor;

    /** Binds 127.0.0.1:{@code port} ({@code 0} picks a free port). */
    public SimHttpServer(ObjectMapper mapper, Clock clock, Random random, Path tempDir, int port, int threads, ServerHooks hooks)
            throws IOException {
        this.mapper = mapper;
        this.clock = clock;
        this.random = random;
        this.tempDir = tempDir;
        this.hooks = hooks;
        enableNoDelay();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lark-simulator-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    /** Registers a Lark operation; {@code authenticated} routes require a valid access token. */
    public void route(String method, String pathTemplate, boolean authenticated, SimHandler handler) {
        builtInRoutes.add(Route.template(method, pathTemplate, authenticated, handler));
    }

    /**
     * Registers a route from outside the REST half (for example the WebSocket endpoint discovery).
     * Added routes are matched before built-in ones, the longest prefix first; they get no token check.
     */
    public synchronized void addRoute(String method, String pathPrefix, SimHandler handler) {
        // newest first, and the sort below is stable: re-registering a prefix replaces what it served before
        List<Route> sorted = new ArrayList<>(addedRoutes.size() + 1);
        sorted.add(Route.prefix(method, pathPrefix, handler));
        sorted.addAll(addedRoutes);
        sorted.sort(Comparator.comparingInt(Route::length).reversed());
        // one volatile write: a concurrent request sees either the old or the new list, never a partial one
        addedRoutes = List.copyOf(sorted);
    }

    /**
     * Without TCP_NODELAY the JDK server's replies wait on Nagle + delayed ACK, about 40 ms each, which turns a 1,000-event
     * test into seconds. The JDK reads this property once, when its first server is created: set it unless the user
     * decided otherwise.
     */
    private static void enableNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Lark simulator HTTP threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) {
        SimRequest request = null;
        boolean recorded = false;
        try {
            request = parse(exchange);
            FaultAction fault = hooks.faultFor(request);
            if (fault != null && fault.kind() == FaultAction.Kind.RESET_CONNECTION) {
                recorded = record(request, 0, null);
                // closing an exchange that never sent headers drops the TCP connection: the client sees a reset/EOF
                exchange.close();
                return;
            }
            if (fault != null && fault.kind() == FaultAction.Kind.DELAY) {
                Thread.sleep(fault.delay().toMillis());
            }
            SimResponse response;
            if (fault != null && fault.kind() == FaultAction.Kind.REPLY) {
                response = SimResponse.json(fault.httpStatus(), fault.body());
                fault.headers().forEach(response::header);
            } else {
                response = dispatch(request);
            }
            JsonNode tree = null;
            byte[] body = response.bytes();
            if (response.json() != null) {
                tree = response.json() instanceof JsonNode node ? node : mapper.valueToTree(response.json());
                body = mapper.writeValueAsBytes(tree);
            }
            // journal first: a client that got its reply must find the request in the journal
            recorded = record(request, response.status(), tree);
            write(exchange, request, response, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            // the client went away or sent garbage; nothing to answer
            LOG.log(System.Logger.Level.DEBUG, "Lark simulator exchange failed", e);
            exchange.close();
        } finally {
            if (request != null) {
                deleteLeftoverUploads(request);
                if (!recorded) {
                    record(request, 0, null);
                }
            }
        }
    }

    private boolean record(SimRequest request, int status, JsonNode responseJson) {
        try {
            hooks.exchanged(request, status, responseJson);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Lark simulator journal failed", e);
        }
        return true;
    }

    private SimResponse dispatch(SimRequest request) {
        try {
            Route route = find(request);
            if (route == null) {
                // what Lark's gateway answers for an unknown path
                return SimResponse.text(404, "404 page not found");
            }
            if (route.authenticated()) {
                request.caller(hooks.authenticate(request));
            }
            return route.handler().handle(request);
        } catch (LarkError e) {
            return errorResponse(request, e);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Lark simulator handler failed for " + request.method() + " " + request.path(), e);
            return errorResponse(request, new LarkError(500, 1, "internal error in the Lark simulator: " + e));
        }
    }

    private Route find(SimRequest request) {
        for (List<Route> routes : List.of(addedRoutes, builtInRoutes)) {
            for (Route route : routes) {
                Map<String, String> params = route.match(request.method(), request.path());
                if (params != null) {
                    request.pathParams(params);
                    return route;
                }
            }
        }
        return null;
    }

    /** Lark's error envelope: code, msg and an {@code error} object with the log id. */
    public SimResponse errorResponse(SimRequest request, LarkError error) {
        ObjectNode body = mapper.createObjectNode();
        body.put("code", error.code());
        body.put("msg", error.msg());
        ObjectNode detail = body.putObject("error");
        detail.put("log_id", request.logId());
        detail.put("troubleshooter", "https://open.feishu.cn/search?from=openapi&log_id=" + request.logId()
                + "&code=" + error.code() + "&method_id=0");
        if (!error.fieldViolations().isEmpty()) {
            var violations = detail.putArray("field_violations");
            for (LarkError.FieldViolation v : error.fieldViolations()) {
                violations.addObject().put("field", v.field()).put("description", v.description());
            }
        }
        return SimResponse.json(error.httpStatus(), body);
    }

    private void write(HttpExchange exchange, SimRequest request, SimResponse response, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("X-Tt-Logid", request.logId());
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        if (response.file() != null) {
            exchange.sendResponseHeaders(response.status(), Files.size(response.file()));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(response.file(), out);
            }
        } else {
            sendBytes(exchange, response.status(), body);
        }
        exchange.close();
    }

    private static void sendBytes(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private SimRequest parse(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = MultipartParser.boundaryOf(contentType);
        byte[] body = new byte[0];
        List<MultipartPart> parts = List.of();
        JsonNode json = null;
        try (InputStream in = exchange.getRequestBody()) {
            if (boundary != null) {
                try {
                    parts = MultipartParser.parse(in, boundary, tempDir, FILE_FIELDS);
                } catch (IOException e) {
                    // a broken multipart body is the handler's problem to report (Lark answers 9499 / 234001)
                    LOG.log(System.Logger.Level.DEBUG, "Unreadable multipart body", e);
                }
            } else {
                body = in.readNBytes(MAX_BODY_BYTES);
                json = parseJson(body);
            }
        }
        return new SimRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath() == null ? "/" : uri.getPath(),
                Collections.unmodifiableMap(parseQuery(uri.getRawQuery())), Collections.unmodifiableMap(headers),
                body, json, List.copyOf(parts), newLogId(), clock.instant());
    }

    private JsonNode parseJson(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i == body.length || (body[i] != '{' && body[i] != '[')) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private String newLogId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return LOG_ID_TIME.format(clock.instant()) + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static void deleteLeftoverUploads(SimRequest request) {
        for (MultipartPart part : request.parts()) {
            if (part.file() != null) {
                try {
                    Files.deleteIfExists(part.file());
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Could not delete " + part.file(), e);
                }
            }
        }
    }
}
