/**
 * The simulator's HTTP control API under {@code /_sim} ({@link io.github.camellark.lark.testkit.control.ControlApi}):
 * set up people and chats, make them act, inject faults, inspect and reset, from any language. The standalone
 * simulator ({@code LarkSimulatorMain}, the {@code standalone} jar) is driven through it. See
 * {@code camel-lark-testkit/README.md}, "Standalone simulator".
 */
package io.github.camellark.lark.testkit.control;
