package com.lark.oapi.ws;

/**
 * The SDK's {@link Client} (2.5.3) has no stop method. This helper lives in the SDK's package
 * to reach its protected members: it switches reconnecting off and closes the socket. The SDK's ping thread swallows
 * interrupts and stays parked until the test JVM exits; it sends nothing once the connection is gone.
 */
public final class SdkClientStopper {

    private SdkClientStopper() {
    }

    public static void stop(Client client) {
        client.autoReconnect = false;
        client.disconnect();
        client.executor.shutdownNow();
    }
}
