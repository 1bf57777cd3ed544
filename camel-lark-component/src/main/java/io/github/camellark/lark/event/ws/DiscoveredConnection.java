package io.github.camellark.lark.event.ws;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where to dial, as connection discovery answered. The URL carries an access key and a ticket: never log it, use
 * {@link #toString()}.
 *
 * @param url          the wss URL to dial
 * @param serviceId    the URL's {@code service_id}, copied into every frame we send
 * @param connectionId the URL's {@code device_id}, which identifies the connection in logs
 * @param clientConfig the ClientConfig object of the reply, or null
 */
record DiscoveredConnection(URI url, int serviceId, String connectionId, Map<?, ?> clientConfig) {

    static DiscoveredConnection of(URI url, Map<?, ?> clientConfig) {
        String serviceId = queryParam(url, "service_id");
        int service;
        try {
            service = serviceId == null ? 0 : Integer.parseInt(serviceId);
        } catch (NumberFormatException e) {
            throw LongConnectionException.retryable("The long connection URL has a service_id that is not a number", null);
        }
        return new DiscoveredConnection(url, service, queryParam(url, "device_id"), clientConfig);
    }

    private static String queryParam(URI url, String name) {
        String query = url.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Host, path and connection id only. */
    @Override
    public String toString() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getPath() + " (connection " + connectionId + ", service "
               + serviceId + ")";
    }
}
