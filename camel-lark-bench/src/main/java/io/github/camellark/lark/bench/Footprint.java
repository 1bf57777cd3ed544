package io.github.camellark.lark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jar sizes of what the component and the SDK bring to an application, read from the bench module's verbose
 * {@code dependency:tree} (written at package time) and the local repository.
 */
final class Footprint {

    /** One resolved runtime jar. */
    record Jar(String groupId, String artifactId, String version, long bytes) {
        String name() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    private record Node(int depth, String groupId, String artifactId, String classifier, String version, String scope) {
    }

    private final List<Node> nodes = new ArrayList<>();
    /** Where each dependency's resolved (not omitted) node is, children included. */
    private final Map<String, Integer> resolvedAt = new HashMap<>();
    private final Path repository;

    Footprint(Path tree, Path repository) throws IOException {
        this.repository = repository;
        for (String line : Files.readAllLines(tree)) {
            Node node = parse(line);
            if (node != null) {
                nodes.add(node);
            }
        }
    }

    /**
     * The jar of this artifactId and every jar it pulls in at runtime, each once. Verbose trees show a dependency's
     * children only where Maven resolved it, so an "omitted" occurrence is followed to that place.
     */
    List<Jar> closureOf(String artifactId, Path ownJar) {
        String rootKey = nodes.stream().filter(n -> n.artifactId().equals(artifactId)).findFirst().map(Footprint::key)
                .orElseThrow(() -> new IllegalStateException(artifactId + " is not in the dependency tree"));
        Set<String> seen = new LinkedHashSet<>();
        collect(rootKey, seen);
        List<Jar> jars = new ArrayList<>();
        for (String key : seen) {
            Node node = nodes.get(resolvedAt.get(key));
            Path file = key.equals(rootKey) && ownJar != null ? ownJar : jarPath(node);
            jars.add(new Jar(node.groupId(), node.artifactId(), node.version(), size(file)));
        }
        return jars;
    }

    private void collect(String key, Set<String> seen) {
        Integer at = resolvedAt.get(key);
        if (at == null || !isRuntime(nodes.get(at).scope()) || !seen.add(key)) {
            return;
        }
        int depth = nodes.get(at).depth();
        for (int i = at + 1; i < nodes.size() && nodes.get(i).depth() > depth; i++) {
            if (nodes.get(i).depth() == depth + 1) {
                collect(key(nodes.get(i)), seen);
            }
        }
    }

    private static String key(Node node) {
        return node.groupId() + ":" + node.artifactId() + ":" + node.classifier();
    }

    /**
     * What every Camel application already has: the closure of camel-support (camel-api, camel-util, their own
     * dependencies and slf4j), and Jackson.
     */
    Set<String> camelCoreAndJackson() {
        Set<String> core = new LinkedHashSet<>();
        for (Jar jar : closureOf("camel-support", null)) {
            core.add(jar.name());
        }
        for (Jar jar : closureOf("jackson-databind", null)) {
            core.add(jar.name());
        }
        return core;
    }

    static long total(List<Jar> jars) {
        return jars.stream().mapToLong(Jar::bytes).sum();
    }

    private static boolean isRuntime(String scope) {
        return scope.equals("compile") || scope.equals("runtime");
    }

    private Path jarPath(Node node) {
        String version = node.version();
        String file = node.artifactId() + "-" + version + (node.classifier().isEmpty() ? "" : "-" + node.classifier()) + ".jar";
        return repository.resolve(node.groupId().replace('.', '/')).resolve(node.artifactId()).resolve(version).resolve(file);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /**
     * One tree line: {@code |  +- g:a:jar[:classifier]:v:scope}, possibly wrapped as
     * {@code (g:a:jar:v:scope - omitted for duplicate)} in verbose mode.
     */
    private Node parse(String line) {
        int start = 0;
        while (start < line.length() && "|+-\\ ".indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        if (start == line.length()) {
            return null;
        }
        String text = line.substring(start);
        boolean omitted = text.startsWith("(");
        if (omitted) {
            text = text.substring(1, text.indexOf(" - ") > 0 ? text.indexOf(" - ") : text.length() - 1);
        }
        int space = text.indexOf(' ');
        if (space > 0) {
            text = text.substring(0, space);
        }
        String[] parts = text.split(":");
        if (parts.length < 5) {
            return null;
        }
        boolean classified = parts.length >= 6;
        Node node = new Node(start / 3, parts[0], parts[1], classified ? parts[3] : "", parts[classified ? 4 : 3],
                parts[classified ? 5 : 4]);
        if (!omitted) {
            resolvedAt.putIfAbsent(key(node), nodes.size());
        }
        return node;
    }
}
