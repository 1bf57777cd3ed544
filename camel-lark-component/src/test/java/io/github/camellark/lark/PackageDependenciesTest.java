package io.github.camellark.lark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers of docs/architecture.md hold in the main sources: dependencies between packages go one way, component →
 * producer | event → client (port {@code client.http}) → engine ({@code client.vertx}), and only the engine speaks
 * Vert.x.
 * <p>
 * The root package is two layers: the Camel surface (component, endpoint, consumer, producer: the classes that reach into
 * the packages below) and the vocabulary every layer may read ({@code LarkConfiguration}, {@code LarkConstants}, the
 * option enums, and the operation enums of {@code operation} that {@code LarkResource} names), which reaches into no
 * other package below it. A class counts as the surface as soon as it uses another package below the root or another
 * surface class.
 */
class PackageDependenciesTest {

    private static final String ROOT = "io.github.camellark.lark";
    private static final Path SOURCES = Path.of("src/main/java", ROOT.split("\\."));
    private static final String SURFACE = ROOT + " (component, endpoint, consumer, producer)";
    private static final String VOCABULARY = ROOT + " (options, headers, enums)";
    /** Leaf packages of the vocabulary: the operation enums LarkResource names. */
    private static final Set<String> VOCABULARY_PACKAGES = Set.of(ROOT + ".operation");

    /**
     * Outside {@code client.vertx}, Vert.x appears only where the component picks the engine ({@code LarkComponent}),
     * where an option's type is Vert.x's ({@code LarkConfiguration}: vertx, httpClientOptions), and in the Vert.x-specific
     * adapters of Camel's Vert.x HTTP platform in {@code event.webhook}, whose names start with {@code Vertx}.
     */
    private static boolean mayUseVertx(JavaClass type) {
        return type.packageName().equals(ROOT + ".client.vertx")
               || type.packageName().equals(ROOT) && Set.of("LarkComponent", "LarkConfiguration").contains(type.name())
               || type.packageName().equals(ROOT + ".event.webhook") && type.name().startsWith("Vertx");
    }

    @Test
    void noCycleBetweenPackages() throws IOException {
        Map<String, Map<String, String>> graph = packageGraph(mainClasses());

        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                cycles.add(describe(component, graph));
            }
        }

        assertThat(cycles).as("package cycles (each dependency with one class that makes it)").isEmpty();
    }

    @Test
    void onlyTheEngineSpeaksVertx() throws IOException {
        List<String> misplaced = new ArrayList<>();
        for (JavaClass type : mainClasses()) {
            if (!mayUseVertx(type)) {
                type.imports().stream()
                        .filter(name -> name.startsWith(ROOT + ".client.vertx.") || name.startsWith("io.vertx."))
                        .forEach(name -> misplaced.add(type.qualifiedName() + " uses " + name));
            }
        }

        assertThat(misplaced).as("Vert.x outside the engine (client.vertx) and its documented adapters").isEmpty();
    }

    @Test
    void theVocabularyOfTheRootReachesNoLayerBelowIt() throws IOException {
        List<JavaClass> classes = mainClasses();
        Set<String> surface = surface(classes);

        assertThat(surface).as("the root classes that use the layers below").contains("LarkComponent", "LarkEndpoint",
                "LarkEventsConsumer", "LarkProducer");
        assertThat(surface).as("read by every layer, so it must stay a leaf").doesNotContain("LarkConfiguration",
                "LarkConstants", "LarkResource", "LarkTransport");
    }

    // ---- the graph -------------------------------------------------------------------------------------------------

    /** Package → package it uses → one class use that makes the dependency ("A → B"). */
    private static Map<String, Map<String, String>> packageGraph(List<JavaClass> classes) {
        Set<String> surface = surface(classes);
        Map<String, JavaClass> byName = classes.stream()
                .collect(Collectors.toMap(JavaClass::qualifiedName, c -> c, (a, b) -> a));
        Map<String, Map<String, String>> graph = new TreeMap<>();
        for (JavaClass type : classes) {
            String from = node(type, surface);
            graph.computeIfAbsent(from, k -> new TreeMap<>());
            for (String used : type.uses(classes)) {
                JavaClass target = byName.get(used);
                if (target == null) {
                    continue;
                }
                String to = node(target, surface);
                if (!to.equals(from)) {
                    graph.get(from).putIfAbsent(to, type.name() + " → " + target.name());
                }
            }
        }
        return graph;
    }

    private static String node(JavaClass type, Set<String> surface) {
        if (!type.packageName().equals(ROOT)) {
            return type.packageName();
        }
        return surface.contains(type.name()) ? SURFACE : VOCABULARY;
    }

    /** The root classes that use a package below the root, directly or through another root class. */
    private static Set<String> surface(List<JavaClass> classes) {
        List<JavaClass> root = classes.stream().filter(c -> c.packageName().equals(ROOT)).toList();
        Set<String> surface = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass type : root) {
                if (!surface.contains(type.name()) && type.uses(classes).stream()
                        .anyMatch(used -> !packageOf(used).equals(ROOT) && !VOCABULARY_PACKAGES.contains(packageOf(used))
                                          || surface.contains(simpleName(used)))) {
                    surface.add(type.name());
                    grew = true;
                }
            }
        }
        return surface;
    }

    /** Tarjan's strongly connected components: a component of more than one package is a cycle. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        List<Set<String>> components = new ArrayList<>();
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, List<String> stack, List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private static String describe(Set<String> cycle, Map<String, Map<String, String>> graph) {
        List<String> links = new ArrayList<>();
        for (String from : cycle) {
            graph.get(from).forEach((to, example) -> {
                if (cycle.contains(to)) {
                    links.add(from + " → " + to + " (" + example + ")");
                }
            });
        }
        return String.join("; ", links);
    }

    // ---- the sources -----------------------------------------------------------------------------------------------

    private static List<JavaClass> mainClasses() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<JavaClass> classes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                classes.add(JavaClass.read(file));
            }
            assertThat(classes).as("main classes under " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(50);
            return classes;
        }
    }

    private static String packageOf(String qualifiedName) {
        return qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /** One main source file: its package, its imports and its code without comments or string literals. */
    private record JavaClass(String packageName, String name, Set<String> imports, String code) {

        private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
        private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
                "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);
        private static final Pattern QUALIFIED = Pattern.compile("\\b" + Pattern.quote(ROOT) + "(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");

        static JavaClass read(Path file) throws IOException {
            String source = Files.readString(file);
            Matcher packageLine = PACKAGE.matcher(source);
            assertThat(packageLine.find()).as("package line of " + file).isTrue();
            Set<String> imports = new LinkedHashSet<>();
            Matcher importLine = IMPORT.matcher(source);
            while (importLine.find()) {
                imports.add(importLine.group(1));
            }
            String name = file.getFileName().toString().replace(".java", "");
            String code = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
            return new JavaClass(packageLine.group(1), name, imports, code);
        }

        String qualifiedName() {
            return packageName + "." + name;
        }

        /**
         * The project classes this one uses: imported (a static import names its class), written out in full, or named
         * in its own package.
         */
        Set<String> uses(List<JavaClass> all) {
            Set<String> used = new TreeSet<>();
            for (String imported : imports) {
                if (imported.startsWith(ROOT + ".")) {
                    used.add(classOf(imported));
                }
            }
            Matcher qualified = QUALIFIED.matcher(code);
            while (qualified.find()) {
                used.add(classOf(qualified.group()));
            }
            for (JavaClass other : all) {
                if (other.packageName.equals(packageName) && !other.name.equals(name)
                        && Pattern.compile("\\b" + other.name + "\\b").matcher(code).find()) {
                    used.add(other.qualifiedName());
                }
            }
            used.remove(qualifiedName());
            return used;
        }

        /** {@code a.b.Outer.Inner.member} → {@code a.b.Outer}: the first capitalised segment ends the class name. */
        private static String classOf(String name) {
            String[] parts = name.split("\\.");
            StringBuilder result = new StringBuilder();
            for (String part : parts) {
                if (!result.isEmpty()) {
                    result.append('.');
                }
                result.append(part);
                if (Character.isUpperCase(part.charAt(0))) {
                    break;
                }
            }
            return result.toString();
        }
    }
}
