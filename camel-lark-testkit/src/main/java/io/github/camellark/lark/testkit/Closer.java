package io.github.camellark.lark.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/** What the simulator closes for extensions (last registered, first closed), and its temporary files. */
final class Closer {

    private final Deque<AutoCloseable> resources = new ConcurrentLinkedDeque<>();

    <T extends AutoCloseable> T add(T resource) {
        resources.push(Objects.requireNonNull(resource));
        return resource;
    }

    /** Closes every resource even when one fails; the first failure is returned (null if none), the others suppressed. */
    RuntimeException closeAll() {
        RuntimeException failure = null;
        for (AutoCloseable resource; (resource = resources.poll()) != null; ) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + resource + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
