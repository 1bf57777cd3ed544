package io.github.camellark.lark.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the documentation is copied from code that compiles: each {@code ```java} block of README.md and
 * docs/*.md must appear in a Java source file of the build (the component's main and test trees, the starter's test application, the examples module).
 * <p>
 * Comparison ignores whitespace entirely (indentation, line breaks), so a snippet may be re-wrapped. A line holding only
 * {@code ...} splits a block into fragments, each of which must appear in one source file: that is how a page shows an
 * excerpt of a longer class. The routes the pages show that live nowhere else run in the {@code *DocRoutesTest} classes
 * of this package, the event-guide and webhook pages in their transport tests.
 */
class DocSnippetsTest {

    static final Path ROOT = Path.of("..");
    static final List<Path> SOURCES = List.of(
            ROOT.resolve("camel-lark-component/src/main/java"),
            ROOT.resolve("camel-lark-component/src/test/java"),
            ROOT.resolve("camel-lark-starter/src/test/java"),
            ROOT.resolve("camel-lark-examples/src"));

    @Test
    void everyJavaSnippetIsCopiedFromCompiledCode() throws IOException {
        List<String> sources = sources();
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("java snippets found in the docs").hasSizeGreaterThanOrEqualTo(25);

        List<String> homeless = new ArrayList<>();
        for (Snippet snippet : snippets) {
            for (String fragment : snippet.fragments()) {
                String wanted = squeeze(fragment);
                if (!wanted.isEmpty() && sources.stream().noneMatch(source -> source.contains(wanted))) {
                    homeless.add(snippet.where() + ":\n" + fragment);
                }
            }
        }
        assertThat(homeless).as("doc snippets found in no Java source (copy them from code that compiles and runs)").isEmpty();
    }

    @Test
    void aSnippetChangedByOneTokenIsNoLongerFound() throws IOException {
        // guards the guard: the comparison must not be so loose that an edited route still matches
        String route = squeeze("from(\"lark:events?transport=webhook&eventTypes=im.message.receive_v1\")");
        String edited = squeeze("from(\"lark:events?transport=webhook&eventTypes=im.message.receive_v2\")");
        List<String> sources = sources();

        assertThat(sources).anyMatch(source -> source.contains(route));
        assertThat(sources).noneMatch(source -> source.contains(edited));
    }

    record Snippet(String where, List<String> fragments) {
    }

    /** The ```java blocks of README.md and docs/*.md, each split at its "..." lines. */
    static List<Snippet> snippets() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().equals("```java")) {
                    continue;
                }
                int start = i + 1;
                List<String> fragments = new ArrayList<>();
                StringBuilder fragment = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                    if (lines.get(i).trim().equals("...")) {
                        fragments.add(fragment.toString());
                        fragment.setLength(0);
                    } else {
                        fragment.append(lines.get(i)).append('\n');
                    }
                }
                fragments.add(fragment.toString());
                snippets.add(new Snippet(ROOT.relativize(page).toString().replace("../", "") + ":" + start, fragments));
            }
        }
        return snippets;
    }

    /** The text of every Java source file, whitespace removed; this test itself excluded. */
    static List<String> sources() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("DocSnippetsTest.java"))
                        .forEach(p -> texts.add(squeeze(read(p))));
            }
        }
        return texts;
    }

    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
