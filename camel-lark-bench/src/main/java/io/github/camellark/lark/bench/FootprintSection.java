package io.github.camellark.lark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 4. Footprint (the jars each client adds) and cold start to the first message sent, in fresh JVMs. */
final class FootprintSection {

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
        report.info("4", "cold start to first message sent, vs the SDK", camelMedian + " vs " + sdkMedian + " ms",
                (double) camelMedian / sdkMedian);
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
        List<Footprint.Jar> component = footprint.closureOf("camel-lark-component",
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
        report.goal("4", "added jars vs the SDK's (~24 MB)", Report.mb(componentBytes) + " vs " + Report.mb(sdkBytes),
                (double) componentBytes / sdkBytes, 1.0, true);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
