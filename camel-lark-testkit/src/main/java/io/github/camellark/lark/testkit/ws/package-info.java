/**
 * Lark's side of the WebSocket long connection: discovery, handshake refusals, pbbp2 frames, ping/pong,
 * fragmented pushes, acks, redelivery and faults ({@link io.github.camellark.lark.testkit.ws.LongConnectionServer}).
 * See {@code camel-lark-testkit/EVENTS.md}.
 */
package io.github.camellark.lark.testkit.ws;
