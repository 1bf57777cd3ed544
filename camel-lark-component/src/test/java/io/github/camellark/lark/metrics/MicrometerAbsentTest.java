package io.github.camellark.lark.metrics;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: in an application without it, binding the figures does nothing, and none of the classes that
 * use Micrometer's types is even loaded (which would fail with NoClassDefFoundError).
 */
class MicrometerAbsentTest {

    @Test
    void withoutMicrometerBindingDoesNothingAndLoadsNoClassThatNeedsIt() throws Exception {
        URL componentClasses = Micrometer.class.getProtectionDomain().getCodeSource().getLocation();
        try (ComponentWithoutMicrometer loader = new ComponentWithoutMicrometer(componentClasses)) {
            Class<?> micrometer = loader.loadClass(Micrometer.class.getName());
            Method bind = micrometer.getMethod("bindEndpoint", loader.loadClass(CamelContext.class.getName()), String.class,
                    String.class, loader.loadClass(EndpointFigures.class.getName()));

            Object meters = bind.invoke(null, null, "cli_test", "lark:message", null);

            assertThat(meters).isInstanceOf(AutoCloseable.class);
            ((AutoCloseable) meters).close();
            assertThat(loader.loaded(EndpointMeters.class.getName())).isFalse();
            assertThat(loader.loaded(Meters.class.getName())).isFalse();
        }
    }

    /** The component's classes again, over the test's class path minus Micrometer. */
    private static final class ComponentWithoutMicrometer extends URLClassLoader {
        ComponentWithoutMicrometer(URL componentClasses) {
            super(new URL[] { componentClasses }, new ClassLoader(MicrometerAbsentTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (name.startsWith("io.micrometer.") || name.startsWith("io.github.camellark.lark.")) {
                        throw new ClassNotFoundException(name);
                    }
                    return super.loadClass(name, resolve);
                }
            });
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
