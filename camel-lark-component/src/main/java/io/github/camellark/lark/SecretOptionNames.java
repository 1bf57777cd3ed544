package io.github.camellark.lark;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Makes the names of the secret options (appSecret, encryptKey, verificationToken, webhookUrl, botSecret,
 * userAccessToken) known to Camel's masking.
 * <p>
 * Camel Main's start-up summary and its configuration dev console mask a property when its last name segment is one
 * of Camel's own sensitive keywords or one of the context's <em>additional sensitive keywords</em>; Camel does not read a
 * component's {@code secretPropertyNames()} there (that set is only used to wrap secret values in {@code RAW()} when an
 * endpoint URI is built). Adding the names to the additional keywords also makes Camel's URI sanitizer mask them.
 * Camel compares a property name with that keyword list by substring, dashes removed and in lower case.
 */
final class SecretOptionNames {

    private SecretOptionNames() {
    }

    static Set<String> of(CamelContext context) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : context.getCamelContextExtension().getEndpointUriFactory("lark").secretPropertyNames()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Adds the secret option names to the context's additional sensitive keywords, keeping those already set. */
    static void registerWith(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        try {
            String current = extension.getAdditionalSensitiveKeywords();
            Set<String> keywords = new LinkedHashSet<>();
            if (current != null && !current.isBlank()) {
                keywords.addAll(Arrays.asList(current.split(",")));
            }
            if (keywords.addAll(of(context))) {
                extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
            }
        } catch (NoSuchMethodError olderCamel) {
            // Camel 4.14 has no additional sensitive keywords: there the component masks its own endpoint URIs
            // (LarkComponent#maskSecrets), and the docs ask for secrets as placeholders, which the summary prints as such.
        }
    }
}
