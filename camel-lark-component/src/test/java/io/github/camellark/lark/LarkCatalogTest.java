package io.github.camellark.lark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's catalog (IDE plugins, {@code camel validate}) makes of the generated lark.json: it checks each option's
 * values on their own, so an operation of another resource passes there and is refused by the component only
 * (docs/lark-component.md, "Set-up errors").
 */
class LarkCatalogTest {

    private final CamelCatalog catalog = catalog();

    @Test
    void theCatalogRefusesAnOperationNoResourceHas() {
        EndpointValidationResult result = catalog.validateEndpointProperties("lark:message?operation=fly");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsKey("operation");
    }

    @Test
    void theCatalogCannotTellAnOperationOfAnotherResource() {
        assertThat(catalog.validateEndpointProperties("lark:message?operation=upload").isSuccess()).isTrue();
    }

    @Test
    void theCatalogRefusesAnUnknownResourceAndANonNumber() {
        assertThat(catalog.validateEndpointProperties("lark:mesage").getInvalidEnum()).containsKey("resource");
        assertThat(catalog.validateEndpointProperties("lark:message?maxRetries=three").getInvalidInteger())
                .containsKey("maxRetries");
    }

    private static CamelCatalog catalog() {
        try (InputStream json = LarkCatalogTest.class.getResourceAsStream("/META-INF/io/github/camellark/lark/lark.json")) {
            CamelCatalog catalog = new DefaultCamelCatalog();
            catalog.addComponent("lark", LarkComponent.class.getName(), new String(json.readAllBytes(), StandardCharsets.UTF_8));
            return catalog;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
