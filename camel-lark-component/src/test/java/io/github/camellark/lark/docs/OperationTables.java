package io.github.camellark.lark.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operation tables of the component page: under each {@code ### `resource`} heading (a heading may name several
 * resources), a table whose rows name an operation in backticks in their first or second cell; when a section covers
 * several resources, a row also names its resource in its first cell.
 */
final class OperationTables {

    private static final Pattern HEADING = Pattern.compile("(?m)^### (.*)$");
    private static final Pattern CODE = Pattern.compile("`([A-Za-z]+)`");

    private record Section(List<String> resources, List<String[]> rows) {
    }

    private final List<Section> sections = new ArrayList<>();

    private OperationTables(String page) {
        Matcher heading = HEADING.matcher(page);
        List<int[]> bounds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (heading.find()) {
            bounds.add(new int[] { heading.start(), heading.end() });
            titles.add(heading.group(1));
        }
        for (int i = 0; i < bounds.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : page.length();
            String body = page.substring(bounds.get(i)[1], end);
            List<String> resources = new ArrayList<>();
            Matcher names = CODE.matcher(titles.get(i));
            while (names.find()) {
                resources.add(names.group(1));
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (line.startsWith("|") && !line.startsWith("|---")) {
                    rows.add(line.split("\\|"));
                }
            }
            sections.add(new Section(resources, rows));
        }
    }

    static OperationTables of(String page) {
        return new OperationTables(page);
    }

    /**
     * Every row of an operation table (a table whose header starts with "Operation", or "Resource | Operation") as
     * "resource operation"; the resource of a row is its section's, or the one its first cell names.
     */
    List<String> documentedOperations() {
        List<String> documented = new ArrayList<>();
        for (Section section : sections) {
            boolean inOperationTable = false;
            for (String[] cells : section.rows()) {
                if (cells.length < 3) {
                    continue;
                }
                String first = cells[1].trim();
                String second = cells[2].trim();
                if (first.equals("Operation") || first.equals("Resource") && second.equals("Operation")) {
                    inOperationTable = true;
                    continue;
                }
                if (!first.startsWith("`") && !first.matches("[a-zA-Z]+ `[a-zA-Z]+`") || !inOperationTable) {
                    inOperationTable = false;
                    continue;
                }
                List<String> names = new ArrayList<>();
                Matcher code = CODE.matcher(first.startsWith("`") && section.resources().size() > 1 ? first + " " + second : first);
                while (code.find()) {
                    names.add(code.group(1));
                }
                if (first.matches("[a-zA-Z]+ `[a-zA-Z]+`")) {
                    documented.add(first.substring(0, first.indexOf(' ')) + " " + names.get(0));
                } else if (names.size() == 2) {
                    documented.add(names.get(0) + " " + names.get(1));
                } else if (section.resources().size() == 1) {
                    documented.add(section.resources().get(0) + " " + names.get(0));
                }
            }
        }
        return documented;
    }

    boolean documents(String resource, String operation) {
        String op = "`" + operation + "`";
        for (Section section : sections) {
            if (!section.resources().contains(resource)) {
                continue;
            }
            boolean shared = section.resources().size() > 1;
            for (String[] cells : section.rows()) {
                if (cells.length < 3) {
                    continue;
                }
                String first = cells[1].trim();
                String second = cells[2].trim();
                boolean namesOperation = first.endsWith(op) || second.equals(op);
                boolean namesResource = !shared || first.startsWith(resource + " ") || first.equals("`" + resource + "`");
                if (namesOperation && namesResource) {
                    return true;
                }
            }
        }
        return false;
    }
}
