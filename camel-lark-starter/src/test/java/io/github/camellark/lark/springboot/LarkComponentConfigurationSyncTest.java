package io.github.camellark.lark.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code camel.component.lark.*} properties and the component's catalog (lark.json) list the same
 * options with the same descriptions, and Spring's configuration metadata (IDE completion) is generated for each.
 * When this fails after an option changed: {@code python3 camel-lark-starter/src/build/generate_configuration.py}.
 */
class LarkComponentConfigurationSyncTest {

    private static final String PREFIX = "camel.component.lark.";
    /** Component options a Spring Boot application gives as a bean rather than a property. */
    private static final Set<String> NOT_PROPERTIES = Set.of();
    /**
     * Properties of the starter's own, not options of the component: camel-spring-boot's, and the switch of the webhook
     * body limit filter (LarkWebhookServletAutoConfiguration).
     */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled", "webhook-body-limit-filter.enabled");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyComponentOptionIsASpringPropertyWithItsDescription() throws IOException {
        Map<String, JsonNode> catalog = catalogOptions();
        Map<String, JsonNode> spring = springProperties();

        Set<String> missing = new TreeSet<>();
        catalog.forEach((name, option) -> {
            JsonNode property = spring.get(kebab(name));
            if (property == null || !property.path("description").asText().startsWith(option.path("description").asText())) {
                missing.add(name);
            }
        });
        Set<String> unknown = new TreeSet<>(spring.keySet());
        catalog.keySet().forEach(name -> unknown.remove(kebab(name)));
        unknown.removeAll(STARTER_ONLY);

        assertThat(missing).as("component options without their Spring property (or with another description)").isEmpty();
        assertThat(unknown).as("Spring properties the component does not have").isEmpty();
    }

    @Test
    void durationsAreSpringDurationsAndSecretsAreStrings() throws IOException {
        Map<String, JsonNode> spring = springProperties();

        assertThat(spring.get("request-timeout").path("type").asText()).isEqualTo("java.time.Duration");
        assertThat(spring.get("request-timeout").path("defaultValue").asText()).isEqualTo("30000ms");
        assertThat(spring.get("app-secret").path("type").asText()).isEqualTo("java.lang.String");
        assertThat(spring.get("app-secret").path("description").asText()).contains("placeholder");
    }

    @Test
    void theConfigurationNeverPrintsASecret() {
        LarkComponentConfiguration configuration = new LarkComponentConfiguration();
        configuration.setAppSecret("s3cr3t-app");
        configuration.setEncryptKey("s3cr3t-key");

        assertThat(configuration.toString()).doesNotContain("s3cr3t");
    }

    private Map<String, JsonNode> catalogOptions() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camellark/lark/lark.json")) {
            Map<String, JsonNode> options = new HashMap<>();
            mapper.readTree(in).path("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
            NOT_PROPERTIES.forEach(options::remove);
            return options;
        }
    }

    /** This starter's entries of the generated metadata, by name without the prefix. */
    private Map<String, JsonNode> springProperties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            for (JsonNode property : mapper.readTree(url).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith(PREFIX)) {
                    properties.put(name.substring(PREFIX.length()), property);
                }
            }
        }
        return properties;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
