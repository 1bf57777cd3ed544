package io.github.camellark.lark.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component page shows exactly what {@code lark.json} declares: its option and header tables are generated from
 * the catalog, and every operation is described. Run with {@code -Dlark.docs.update=true} to rewrite the tables.
 */
class ComponentDocSyncTest {

    static final Path PAGE = Path.of("..", "docs", "lark-component.md");

    @Test
    void optionAndHeaderTablesMatchTheCatalog() throws Exception {
        JsonNode catalog = catalog();
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = new ComponentDocTables(catalog).splice(page);
        if (Boolean.getBoolean("lark.docs.update") && !expected.equals(page)) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertThat(page).as("docs/lark-component.md tables are stale: run the test with -Dlark.docs.update=true")
                .isEqualTo(expected);
    }

    @Test
    void everyOperationOfTheCatalogIsDocumented() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        catalog().path("properties").path("operation").path("enum")
                .forEach(operation -> assertThat(page).as("operation " + operation.asText())
                        .contains("`" + operation.asText() + "`"));
    }

    static JsonNode catalog() throws Exception {
        try (InputStream json = ComponentDocSyncTest.class.getResourceAsStream("/META-INF/io/github/camellark/lark/lark.json")) {
            assertThat(json).as("lark.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(json);
        }
    }
}
