package io.github.camellark.lark;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriParam;

/**
 * Refuses a duration option whose text is not a duration, naming the option and the value.
 * <p>
 * The duration options are {@code long} milliseconds declared with {@code javaType = "java.time.Duration"}, so the
 * generated configurers convert their text with Camel's String-to-Duration converter. That converter reads anything that
 * is not ISO-8601 with Camel's {@code TimeUtils.toMilliSeconds}, which returns 0 for text it does not recognise
 * ({@code abc}, {@code 5x}, {@code 12abc}): {@code requestTimeout=abc} silently became a zero timeout. This wrapper sits
 * in front of the generated configurer (URI parameters, Camel Main's {@code camel.component.lark.*} and the Spring Boot
 * starter all bind through it) and lets only the forms Camel really understands through: milliseconds ({@code 1500}),
 * ISO-8601 ({@code PT1.5S}) and Camel's units ({@code 1m30s}, {@code 500ms}, {@code 2h}, {@code 1d}).
 */
final class StrictDurationConfigurer implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private static final Pattern MILLIS = Pattern.compile("-?\\d+");
    private static final Pattern CAMEL_UNITS = Pattern.compile("(\\d+(ms|d|h|m|s))+", Pattern.CASE_INSENSITIVE);

    /** The duration options, lower-case and without dashes, read from their annotations so new ones are covered. */
    private static final Set<String> DURATION_OPTIONS = Stream.of(LarkConfiguration.class.getDeclaredFields())
            .filter(StrictDurationConfigurer::isDuration)
            .map(field -> normalize(field.getName()))
            .collect(Collectors.toUnmodifiableSet());

    private final PropertyConfigurer delegate;

    StrictDurationConfigurer(PropertyConfigurer delegate) {
        this.delegate = delegate;
    }

    /** The generated configurer wrapped, or null when there is none. */
    static PropertyConfigurer wrap(PropertyConfigurer generated) {
        return generated == null || generated instanceof StrictDurationConfigurer ? generated : new StrictDurationConfigurer(generated);
    }

    @Override
    public boolean configure(CamelContext camelContext, Object target, String name, Object value, boolean ignoreCase) {
        if (value instanceof String text && DURATION_OPTIONS.contains(normalize(name))) {
            check(name, text);
        }
        return delegate.configure(camelContext, target, name, value, ignoreCase);
    }

    /** Fails unless {@code text} is a duration Camel converts faithfully. */
    static void check(String option, String text) {
        String trimmed = text.trim();
        if (MILLIS.matcher(trimmed).matches() || CAMEL_UNITS.matcher(trimmed).matches() || isIso(trimmed)) {
            return;
        }
        throw new IllegalArgumentException("Option " + option + " must be a duration, got '" + text
                                           + "': give milliseconds (1500), Camel units (1m30s, 500ms, 2h) or ISO-8601 (PT1.5S)");
    }

    private static boolean isIso(String text) {
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDuration(Field field) {
        UriParam param = field.getAnnotation(UriParam.class);
        return param != null && Duration.class.getName().equals(param.javaType());
    }

    private static String normalize(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return getter().getOptionType(name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return getter().getAutowiredNames();
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return getter().getCollectionValueType(target, name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return getter().getOptionValue(target, name, ignoreCase);
    }

    private PropertyConfigurerGetter getter() {
        return (PropertyConfigurerGetter) delegate;
    }
}
