package io.github.camellark.lark.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * Keeps every formatted log line of the test JVM, so tests can assert on what was logged (and that no secret ever was),
 * and a failed test can print its log ({@link LogOnFailureExtension}).
 */
@Plugin(name = "LogCapture", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class LogCapture extends AbstractAppender {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    private LogCapture(String name, Filter filter, Layout<?> layout) {
        super(name, filter, layout, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static LogCapture create(@PluginAttribute("name") String name, @PluginElement("Layout") Layout<?> layout,
                                    @PluginElement("Filter") Filter filter) {
        return new LogCapture(name, filter, layout);
    }

    @Override
    public void append(LogEvent event) {
        LINES.add(new String(getLayout().toByteArray(event), java.nio.charset.StandardCharsets.UTF_8));
    }

    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** How many lines were logged so far. */
    public static int size() {
        return LINES.size();
    }

    /** The lines logged since the first {@code from} lines. */
    public static List<String> linesFrom(int from) {
        List<String> all = lines();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** The lines containing any of the given values. */
    public static List<String> linesContaining(String... values) {
        return LINES.stream().filter(line -> {
            for (String value : values) {
                if (line.contains(value)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }
}
