package io.github.camellark.lark.cardkit;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.ExecutorServiceManager;

/** Stream timers on one scheduler thread of Camel's {@link ExecutorServiceManager}, shut down on close. */
public final class ExecutorStreamTimers implements StreamTimers {

    private final ExecutorServiceManager manager;
    private final ScheduledExecutorService scheduler;

    public ExecutorStreamTimers(ExecutorServiceManager manager, Object source) {
        this.manager = manager;
        this.scheduler = manager.newSingleThreadScheduledExecutor(source, "LarkCardStream");
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = scheduler.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        manager.shutdownNow(scheduler);
    }
}
