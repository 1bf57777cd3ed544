package io.github.camellark.lark.docs;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component jar is an OSGi bundle (docs/events.md, "Karaf"): bnd writes the manifest into the classes directory
 * before the tests run, and the jar plugin packs exactly that file.
 */
class OsgiManifestTest {

    static final Path MANIFEST = Path.of("target", "classes", "META-INF", "MANIFEST.MF");

    @Test
    void theJarIsABundleThatExportsTheComponentAndImportsCamel() throws Exception {
        Attributes bundle = manifest().getMainAttributes();

        assertThat(bundle.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(bundle.getValue("Bundle-SymbolicName")).isEqualTo("io.github.camellark.camel-lark-component");
        assertThat(bundle.getValue("Export-Package"))
                .contains("io.github.camellark.lark;version=\"0.1.0\"", "io.github.camellark.lark.content;",
                        "io.github.camellark.lark.client;", "io.github.camellark.lark.event;");
        assertThat(bundle.getValue("Import-Package"))
                .contains("org.apache.camel;version=\"[4.14,5)\"", "org.apache.camel.spi;version=\"[4.14,5)\"",
                        "org.apache.camel.support;version=\"[4.14,5)\"",
                        "org.apache.camel.component.webhook;version=\"[4.14,5)\"",
                        "com.fasterxml.jackson.databind;version=\"[2.19,3)\"", "org.slf4j;version=\"[2.0,3)\"")
                .doesNotContain("java.lang");
        assertThat(bundle.getValue("Require-Capability")).contains("(osgi.ee=JavaSE)(version=17)");
    }

    /**
     * Every import has a version range, except the JRE's own javax packages (the system bundle exports them unversioned)
     * and Vert.x's: Karaf wraps vertx-core, as camel-karaf does, and the wrapped bundle exports its packages unversioned.
     */
    @Test
    void everyImportButTheJresAndVertxsHasAVersionRange() throws Exception {
        String imports = manifest().getMainAttributes().getValue("Import-Package");

        List<String> unversioned = Arrays.stream(imports.split(",(?=[a-z])"))
                .filter(clause -> !clause.contains(";version=\"[") && !clause.startsWith("javax.") && !clause.startsWith("io.vertx."))
                .toList();
        assertThat(unversioned).isEmpty();
    }

    private static Manifest manifest() throws Exception {
        assertThat(MANIFEST).as("bnd-maven-plugin writes the manifest at process-classes").exists();
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Manifest(in);
        }
    }
}
