package io.github.camellark.lark.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No source, build file or page cites a document the repository does not contain (the project's private notes and
 * specs): a reader could not follow it. A comment states the fact itself or links Lark's public open-platform page.
 */
class OutOfRepoCitationsTest {

    private static final Pattern CITATION = Pattern.compile(String.join("|",
            "(lark-events|lark-rest-api|camel-conventions|landscape)\\.md",
            "(CONTRACT|ARCHITECTURE|STYLE)\\.md",
            "\\bCONTRACT\\b",
            "/work/shared",
            "shared[/](reference|spec|research|seeds|hooks)\\b",
            "httpbench",
            "§"));
    private static final Set<String> SCANNED = Set.of("java", "xml", "md", "properties", "yaml", "yml", "sh", "json", "txt",
            "adoc", "kt", "groovy", "cfg");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules");

    @Test
    void noFileCitesADocumentOutsideTheRepository() throws IOException {
        List<String> citations = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (CITATION.matcher(lines[i]).find()) {
                    citations.add(DocLinksTest.ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(citations).as("citations of documents the repository does not contain").isEmpty();
    }

    @Test
    void theScanCoversEveryModule() throws IOException {
        List<Path> files = scannedFiles();
        for (String module : List.of("camel-lark-component", "camel-lark-testkit", "camel-lark-examples", "camel-lark-starter",
                "camel-lark-bench", "docs")) {
            assertThat(files).as(module).anyMatch(f -> DocLinksTest.ROOT.relativize(f).startsWith(module));
        }
        assertThat(files).as("this test's own source is not scanned")
                .noneMatch(f -> f.getFileName().toString().equals(getClass().getSimpleName() + ".java"));
    }

    private List<Path> scannedFiles() throws IOException {
        String self = getClass().getSimpleName() + ".java";
        try (Stream<Path> walk = Files.walk(DocLinksTest.ROOT.normalize())) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !inSkippedDir(f))
                    .filter(f -> SCANNED.contains(extension(f)))
                    .filter(f -> !f.getFileName().toString().equals(self))
                    .sorted()
                    .toList();
        }
    }

    private static boolean inSkippedDir(Path file) {
        Path relative = DocLinksTest.ROOT.normalize().relativize(file);
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString()) || part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
