package io.github.camellark.lark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects what was measured and prints it as Markdown tables: details per section, then the goals. */
final class Report {

    /** One goal of the issue: what was measured against what it should be. */
    record Goal(String section, String goal, String measured, String ratio, String verdict) {
    }

    private final StringBuilder details = new StringBuilder();
    private final List<Goal> goals = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    void section(String title, List<String> header, List<List<String>> rows) {
        details.append("\n### ").append(title).append("\n\n");
        details.append(row(header)).append('\n');
        details.append(row(header.stream().map(h -> "---").toList())).append('\n');
        for (List<String> r : rows) {
            details.append(row(r)).append('\n');
        }
    }

    /** A block of text printed as is (e.g. a profile summary), under its own heading. */
    void preformatted(String title, String text) {
        details.append("\n### ").append(title).append("\n\n```\n").append(text.strip()).append("\n```\n");
    }

    void note(String text) {
        details.append('\n').append(text).append('\n');
    }

    /** A goal met when {@code ratio >= threshold} (or {@code <=} when lowerIsBetter). */
    void goal(String section, String goal, String measured, double ratio, double threshold, boolean lowerIsBetter) {
        boolean met = lowerIsBetter ? ratio <= threshold : ratio >= threshold;
        String verdict;
        if (Double.isNaN(ratio)) {
            verdict = "not measured";
        } else if (met) {
            verdict = "met";
        } else {
            double miss = lowerIsBetter ? (ratio / threshold - 1) * 100 : (1 - ratio / threshold) * 100;
            verdict = String.format(Locale.ROOT, "MISSED by %.1f%%", miss);
        }
        goals.add(new Goal(section, goal, measured, fmt(ratio, 2), verdict));
    }

    /** A goal on bytes with an absolute limit: met when {@code bytes <= limit}, else missed by the excess. */
    void goalAtMost(String section, String goal, String measured, long bytes, long limit) {
        String verdict = bytes <= limit ? "met" : "MISSED by " + mb(bytes - limit);
        goals.add(new Goal(section, goal, measured, limit == 0 ? "-" : fmt((double) bytes / limit, 2), verdict));
    }

    void goalNotMeasured(String section, String goal, String reason) {
        String why = reason.replace('\n', ' ').replace('|', '/');
        why = why.length() > 200 ? why.substring(0, 200) + "..." : why;
        goals.add(new Goal(section, goal, "-", "-", "not measured: " + why));
        missing.add(section + " " + goal + ": " + why);
    }

    void missing(String what) {
        missing.add(what);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("## Goals\n\n");
        out.append(row(List.of("#", "goal", "measured", "ratio", "verdict"))).append('\n');
        out.append(row(List.of("---", "---", "---", "---", "---"))).append('\n');
        for (Goal g : goals) {
            out.append(row(List.of(g.section(), g.goal(), g.measured(), g.ratio(), g.verdict()))).append('\n');
        }
        out.append("\n## Details\n").append(details);
        if (!missing.isEmpty()) {
            out.append("\n## Not measured\n\n");
            missing.forEach(m -> out.append("- ").append(m).append('\n'));
        }
        return out.toString();
    }

    static String fmt(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String mb(long bytes) {
        if (Math.abs(bytes) < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
