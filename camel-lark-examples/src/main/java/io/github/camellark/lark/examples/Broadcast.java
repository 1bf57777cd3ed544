package io.github.camellark.lark.examples;

import java.util.List;

/**
 * A broadcast request: the department ids ({@code od-...}) to reach, optionally single people (open_ids) as well, and
 * the message.
 */
public record Broadcast(List<String> departments, List<String> people, String title, String text) {

    public Broadcast {
        departments = departments == null ? List.of() : List.copyOf(departments);
        people = people == null ? List.of() : List.copyOf(people);
    }
}
