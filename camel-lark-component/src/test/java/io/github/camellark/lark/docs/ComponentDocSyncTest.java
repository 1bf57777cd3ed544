package io.github.camellark.lark.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkResource;
import io.github.camellark.lark.operation.LarkOperation;
import io.github.camellark.lark.producer.LarkCall;
import io.github.camellark.lark.producer.ResourceHandler;
import io.github.camellark.lark.producer.ResourceHandlers;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component page shows exactly what {@code lark.json} declares: its option and header tables are generated from
 * the catalog, the catalog's operations are those of the resources' operation enums ({@link LarkResource}), each of
 * them has a row in its resource's operation table, and its resource's handler runs it. Run with {@code -Dlark.docs.update=true} to rewrite the option and header tables.
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
    void theCatalogsOperationsAreThoseOfTheResources() throws Exception {
        Set<String> catalogOperations = new TreeSet<>();
        catalog().path("properties").path("operation").path("enum").forEach(op -> catalogOperations.add(op.asText()));
        Set<String> resourceOperations = new TreeSet<>();
        Arrays.stream(LarkResource.values()).forEach(resource -> resourceOperations.addAll(resource.operationNames()));
        Set<String> catalogResources = new TreeSet<>();
        catalog().path("properties").path("resource").path("enum").forEach(r -> catalogResources.add(r.asText()));

        assertThat(catalogOperations).as("operation enum of lark.json").isEqualTo(resourceOperations);
        assertThat(catalogResources).as("resource enum of lark.json")
                .isEqualTo(Arrays.stream(LarkResource.values()).map(LarkResource::uriName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theOperationOptionNamesTheDefaultOfEveryResource() throws Exception {
        String description = catalog().path("properties").path("operation").path("description").asText();
        List<String> missing = new ArrayList<>();
        for (LarkResource resource : LarkResource.values()) {
            if (resource.isProducer() && !description.contains(" " + resource.uriName() + " " + resource.defaultOperation().uriName() + ",")
                && !description.contains(" " + resource.uriName() + " " + resource.defaultOperation().uriName() + ".")) {
                missing.add(resource.uriName() + " " + resource.defaultOperation().uriName());
            }
        }
        assertThat(missing).as("defaults the description of the operation option does not name: " + description).isEmpty();
    }

    @Test
    void everyOperationOfEveryResourceHasARowInItsOperationTable() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (LarkResource resource : LarkResource.values()) {
            for (String operation : resource.operationNames()) {
                if (!OperationTables.of(page).documents(resource.uriName(), operation)) {
                    missing.add(resource.uriName() + " " + operation);
                }
            }
        }
        assertThat(missing).as("operations without a row in their resource's table of docs/lark-component.md").isEmpty();
    }

    /**
     * Every operation of every resource reaches its handler: the handler serves the resource's enum, and running each
     * operation on an empty exchange fails (if at all) on the missing input, never as an operation the handler lacks.
     */
    @Test
    void everyOperationOfEveryResourceIsDispatchedByItsHandler() throws Exception {
        List<String> undispatched = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            for (LarkResource resource : LarkResource.values()) {
                if (!resource.isProducer()) {
                    continue;
                }
                ResourceHandler<?> handler = ResourceHandlers.forResource(resource);
                assertThat(handler.operations()).as("operation enum of the handler of lark:" + resource.uriName())
                        .isEqualTo(resource.operationType());
                for (LarkOperation operation : resource.operations()) {
                    LarkCall call = new LarkCall(new DefaultExchange(context), operation, new LarkConfiguration(), null);
                    try {
                        handler.dispatch(call);
                    } catch (UnsupportedOperationException | ClassCastException e) {
                        undispatched.add(resource.uriName() + " " + operation.uriName() + ": " + e);
                    } catch (RuntimeException expected) {
                        // the empty exchange lacks the operation's input (or the client): the operation was dispatched
                    } finally {
                        handler.close();
                    }
                }
            }
        }
        assertThat(undispatched).as("operations their resource's handler does not run").isEmpty();
    }

    @Test
    void everyRowOfTheOperationTablesIsAnOperationOfItsResource() throws Exception {
        List<String> documented = OperationTables.of(Files.readString(PAGE, StandardCharsets.UTF_8)).documentedOperations();
        Set<String> operations = new TreeSet<>();
        for (LarkResource resource : LarkResource.values()) {
            resource.operationNames().forEach(operation -> operations.add(resource.uriName() + " " + operation));
        }
        assertThat(documented).as("rows of the operation tables of docs/lark-component.md").containsAll(operations);
        List<String> unknown = new ArrayList<>(documented);
        unknown.removeAll(operations);
        assertThat(unknown).as("rows of docs/lark-component.md naming an operation its resource does not have").isEmpty();
    }

    @Test
    void theConsumerHasASection() throws Exception {
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).contains("### `events` (consumer)");
    }

    static JsonNode catalog() throws Exception {
        try (InputStream json = ComponentDocSyncTest.class.getResourceAsStream("/META-INF/io/github/camellark/lark/lark.json")) {
            assertThat(json).as("lark.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(json);
        }
    }
}
