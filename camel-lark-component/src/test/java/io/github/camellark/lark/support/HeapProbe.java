package io.github.camellark.lark.support;

/** Measures the live heap: what is still referenced after garbage collection. */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // several rounds: one collection can leave garbage that only the next one frees
        for (int round = 0; round < 3; round++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
