package io.github.camellark.lark;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.util.URISupport;

/**
 * Makes the names of the secret options (appSecret, encryptKey, verificationToken, webhookUrl, botSecret,
 * userAccessToken) known to Camel's masking.
 * <p>
 * Camel Main's start-up summary and its configuration dev console mask a property when its last name segment is one
 * of Camel's own sensitive keywords or one of the context's <em>additional sensitive keywords</em>; Camel does not read a
 * component's {@code secretPropertyNames()} there (that set is only used to wrap secret values in {@code RAW()} when an
 * endpoint URI is built). Adding the names to the additional keywords also makes Camel's URI sanitizer mask them.
 * Camel compares a property name with that keyword list by substring, dashes removed and in lower case.
 * <p>
 * Endpoint URIs keep their secrets (they are the endpoints' identity); {@link #mask} hides them wherever a URI is shown.
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

    /**
     * The URI as it may be logged or shown: Camel's sanitizer first, then every secret option of this component. Camel
     * alone is not enough: its own keywords include neither {@code encryptKey} nor {@code webhookUrl}, it masks at most
     * the first option matching an additional keyword (4.18), and 4.14 has no additional keywords.
     */
    static String mask(CamelContext context, String uri) {
        String masked = URISupport.sanitizeUri(uri);
        if (masked == null || context == null) {
            return masked;
        }
        for (String name : of(context)) {
            masked = Pattern.compile("(?i)(?<=[?&])(" + Pattern.quote(name) + ")=(RAW\\(.*?\\)(?=&|$)|RAW\\{.*?\\}(?=&|$)|[^&]*)")
                    .matcher(masked).replaceAll("$1=xxxxxx");
        }
        return masked;
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
            // Camel 4.14 has no additional sensitive keywords: there the endpoints, producers and consumers still mask
            // their URIs (see mask), and the docs ask for secrets as placeholders, which the summary prints as such.
        }
    }
}
