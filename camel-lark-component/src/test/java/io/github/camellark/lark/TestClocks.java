package io.github.camellark.lark;

import java.time.Clock;

/** Moves the time a component sees, for tests in other packages (event ages, webhook request ages). */
public final class TestClocks {

    private TestClocks() {
    }

    public static void set(LarkComponent component, Clock clock) {
        component.setClock(clock);
    }
}
