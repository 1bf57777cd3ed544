package io.github.camellark.lark.examples;

/** An alert as the monitoring system posts it. */
public record Alert(String title, String host, String severity, String detail) {
}
