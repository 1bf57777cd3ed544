package io.github.camellark.lark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 4. Footprint (the jars each client adds) and cold start to the first message sent, in fresh JVMs. */
final class FootprintSection {

    private static final long GOAL_ADDED_BYTES = 6L * 1024 * 1024;
    private static final String COMPONENT = "camel-lark-component";
    private static final String PLATFORM_HTTP_VERTX = "camel-platform-http-vertx";

    private final Report report;
    private final boolean quick;

    FootprintSection(Report report, boolean quick) {
        this.report = report;
        this.quick = quick;
    }

    void run(StubLarkServer stub) throws Exception {
        footprint();
        List<String> childArgs = List.of("-Xmx256m", "-Dbench.baseUri=" + stub.baseUri());
        int repeats = quick ? 1 : 3;
        long[] camel = new long[repeats];
        long[] sdk = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            camel[i] = startupMillis("startup-camel", childArgs);
            sdk[i] = startupMillis("startup-sdk", childArgs);
        }
        long camelMedian = median(camel);
        long sdkMedian = median(sdk);
        report.section("4b. Cold start to first message sent (fresh JVM, token fetch included; median of " + repeats + ")",
                List.of("client", "from", "first message sent after", "runs"),
                List.of(List.of(BenchMain.CAMEL, "new DefaultCamelContext() + start + route", camelMedian + " ms", Arrays.toString(camel)),
                        List.of(BenchMain.SDK, "Client.newBuilder(...).build()", sdkMedian + " ms", Arrays.toString(sdk))));
        report.goal("4", "cold start to first message sent <= SDK", camelMedian + " vs " + sdkMedian + " ms",
                (double) camelMedian / sdkMedian, 1.0, true);
    }

    private long startupMillis(String mode, List<String> args) throws Exception {
        Map<String, String> result = ChildJvm.run(mode, args);
        if (result.containsKey("error") || !result.containsKey("first-message-ms")) {
            throw new IllegalStateException(mode + " failed: " + result.get("error"));
        }
        long millis = Long.parseLong(result.get("first-message-ms"));
        BenchMain.log(mode + ": " + millis + " ms (JVM up " + result.get("jvm-uptime-ms") + " ms at first message)");
        return millis;
    }

    private void footprint() throws IOException {
        Path tree = Path.of(System.getProperty("bench.tree", "target/dependency-tree.txt"));
        Path repository = Path.of(System.getProperty("bench.m2", System.getProperty("user.home") + "/.m2/repository"));
        Path componentJar = Path.of(System.getProperty("bench.componentJar", "../camel-lark-component/target/none.jar"));
        Footprint footprint = new Footprint(tree, repository);
        List<Footprint.Jar> component = footprint.closureOf(COMPONENT,
                Files.exists(componentJar) ? componentJar : null);
        List<Footprint.Jar> sdk = footprint.closureOf("oapi-sdk", null);
        Set<String> core = footprint.camelCoreAndJackson();
        List<Footprint.Jar> componentExtra = component.stream().filter(j -> !core.contains(j.name())).toList();
        long componentBytes = Footprint.total(componentExtra);
        long sdkBytes = Footprint.total(sdk);
        List<List<String>> rows = new ArrayList<>();
        for (Footprint.Jar jar : component) {
            rows.add(List.of(BenchMain.CAMEL, jar.name(), Report.mb(jar.bytes()),
                    core.contains(jar.name()) ? "already in every Camel app" : "added"));
        }
        for (Footprint.Jar jar : sdk) {
            rows.add(List.of(BenchMain.SDK, jar.name(), Report.mb(jar.bytes()), "added"));
        }
        report.section("4a. Footprint: runtime jars", List.of("client", "jar", "size", "counts as"), rows);
        report.note("camel-lark adds " + componentExtra.size() + " jars, " + Report.mb(componentBytes)
                + " (component jar included) on top of camel-core and Jackson; its whole closure is "
                + Report.mb(Footprint.total(component)) + ". The SDK adds " + sdk.size() + " jars, " + Report.mb(sdkBytes) + ".");
        report.goalAtMost("4", "added jars <= 6 MB over camel-support + Jackson (component jar included)",
                Report.mb(componentBytes) + " in " + componentExtra.size() + " jars, " + Report.mb(componentBytes - ownJar(component))
                        + " without its own jar (SDK " + Report.mb(sdkBytes) + ")",
                componentBytes, GOAL_ADDED_BYTES);
        platformHttpVertx(footprint, component);
    }

    /**
     * What camel-lark adds to an application that already has camel-platform-http-vertx (Camel Main's HTTP server,
     * Vert.x): the jars of its closure, its own jar aside, that platform-http-vertx's closure lacks. Compared by
     * groupId:artifactId, as Maven resolves one version of each per application.
     */
    private void platformHttpVertx(Footprint footprint, List<Footprint.Jar> component) {
        Set<String> platform = new HashSet<>();
        footprint.closureOf(PLATFORM_HTTP_VERTX, null).forEach(jar -> platform.add(jar.groupId() + ":" + jar.artifactId()));
        List<Footprint.Jar> extra = component.stream()
                .filter(jar -> !jar.artifactId().equals(COMPONENT))
                .filter(jar -> !platform.contains(jar.groupId() + ":" + jar.artifactId())).toList();
        long bytes = Footprint.total(extra);
        report.note("Jars camel-lark brings that " + PLATFORM_HTTP_VERTX + " does not (its own jar aside): "
                + (extra.isEmpty() ? "none" : extra.stream().map(j -> j.name() + " (" + Report.mb(j.bytes()) + ")").toList()) + ".");
        report.goalAtMost("4", "0 bytes added to an app with " + PLATFORM_HTTP_VERTX + " (component jar aside)",
                Report.mb(bytes) + " in " + extra.size() + " jars", bytes, 0);
    }

    private static long ownJar(List<Footprint.Jar> component) {
        return component.stream().filter(jar -> jar.artifactId().equals(COMPONENT)).mapToLong(Footprint.Jar::bytes).sum();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
