package io.github.camellark.lark.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one measurement in a fresh JVM (cold start-up, or a heap of its own): same classpath, a mode for
 * {@link BenchMain}, and {@code RESULT key=value} lines read back from its output.
 */
final class ChildJvm {

    private static final long TIMEOUT_MINUTES = 5;

    private ChildJvm() {
    }

    static Map<String, String> run(String mode, List<String> jvmArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchMain.class.getName());
        command.add(mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> results = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] pair = line.substring(7).split("=", 2);
                    results.put(pair[0].trim(), pair[1].trim());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mode + " did not end in " + TIMEOUT_MINUTES + " min");
        }
        if (process.exitValue() != 0) {
            results.put("error", "exit " + process.exitValue() + ": " + tail(output.toString()));
        }
        return results;
    }

    /** The exception that ended the child and its deepest cause, not the whole stack. */
    private static String tail(String text) {
        String first = null;
        String cause = null;
        for (String line : text.split("\n")) {
            if (first == null && line.startsWith("Exception in thread")) {
                first = line;
            } else if (line.startsWith("Caused by:")) {
                cause = line;
            }
        }
        if (first == null) {
            String trimmed = text.strip();
            return trimmed.length() > 300 ? "..." + trimmed.substring(trimmed.length() - 300) : trimmed;
        }
        return cause == null ? first : first + " / " + cause;
    }
}
