package io.github.camellark.lark;

/**
 * Checks, when a producer or a WebSocket consumer starts, that the app's credentials are set: without them the first
 * call could only fail, and later, with a less helpful error.
 */
public final class AppCredentials {

    private AppCredentials() {
    }

    /**
     * A producer calls Lark as the app, so it needs appId and appSecret; except customBot (its webhookUrl carries the
     * credential) and an endpoint that calls as a user (userAccessToken set).
     */
    public static void requireForProducer(LarkEndpoint endpoint) {
        LarkConfiguration configuration = endpoint.getConfiguration();
        if (endpoint.resource() == LarkResource.CUSTOM_BOT || isSet(configuration.getUserAccessToken())) {
            return;
        }
        require(endpoint, "calls Lark as the app");
    }

    /** The WebSocket long connection is opened with the app's credentials. */
    public static void requireForConsumer(LarkEndpoint endpoint) {
        if (endpoint.getConfiguration().getTransport() == LarkTransport.websocket) {
            require(endpoint, "opens the long connection (transport=websocket) as the app");
        }
    }

    private static void require(LarkEndpoint endpoint, String why) {
        LarkConfiguration configuration = endpoint.getConfiguration();
        if (!isSet(configuration.getAppId())) {
            fail(endpoint, why, "appId", "app-id", configuration.getAppId());
        }
        if (!isSet(configuration.getAppSecret())) {
            fail(endpoint, why, "appSecret", "app-secret", configuration.getAppSecret());
        }
    }

    /** The value is null or blank here, so naming it cannot leak a secret. */
    private static void fail(LarkEndpoint endpoint, String why, String option, String property, String value) {
        throw new IllegalArgumentException("lark:" + endpoint.getResource() + " " + why + " and needs the option " + option + " ("
                                           + (value == null ? "not set" : "blank") + "): set it on the endpoint or as"
                                           + " camel.component.lark." + property
                                           + ", with the App ID (cli_...) and App Secret of your app in the Lark developer console");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
