/**
 * Lark pushing events to the app: realistic event factories ({@link io.github.camellark.lark.testkit.events.LarkEvents}),
 * Lark's webhook crypto ({@link io.github.camellark.lark.testkit.events.EventCrypto}), the webhook pusher with
 * redelivery and faults ({@link io.github.camellark.lark.testkit.events.Webhook}), and the simulator's events hub
 * ({@link io.github.camellark.lark.testkit.events.SimulatorEvents}). See {@code camel-lark-testkit/EVENTS.md}.
 */
package io.github.camellark.lark.testkit.events;
