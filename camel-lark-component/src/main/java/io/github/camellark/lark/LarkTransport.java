package io.github.camellark.lark;

/** How the events consumer receives events from Lark. */
public enum LarkTransport {
    websocket,
    webhook
}
