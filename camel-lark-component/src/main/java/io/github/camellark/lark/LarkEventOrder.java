package io.github.camellark.lark;

/** Which events of the events consumer reach the route one at a time, in the order Lark sent them. */
public enum LarkEventOrder {
    /** Events of one chat (else of one sender) in order, one at a time; different chats in parallel. */
    chat,
    /** No order: every event is routed as soon as a routing thread is free. */
    none
}
