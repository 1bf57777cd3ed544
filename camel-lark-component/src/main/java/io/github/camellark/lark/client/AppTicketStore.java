package io.github.camellark.lark.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The latest {@code app_ticket} of one store app. Lark pushes it every hour to the app's event endpoint, where the
 * {@code lark:events} consumer puts it here; the app's token provider reads it to get an {@code app_access_token}. The
 * component holds one store per app id, so consumer and producers of the same app meet here.
 * <p>
 * The ticket is a credential: {@code toString()} never prints it.
 */
public final class AppTicketStore {

    private String ticket;
    private final List<CompletableFuture<String>> waiting = new ArrayList<>();

    /** Keeps a ticket Lark pushed and hands it to everyone waiting for one. */
    public void update(String newTicket) {
        List<CompletableFuture<String>> toComplete;
        synchronized (this) {
            ticket = newTicket;
            toComplete = new ArrayList<>(waiting);
            waiting.clear();
        }
        toComplete.forEach(f -> f.complete(newTicket));
    }

    /** The ticket held now, or null. */
    public synchronized String current() {
        return ticket;
    }

    /** The ticket held now, or the next one Lark pushes. */
    public synchronized CompletableFuture<String> ticket() {
        if (ticket != null) {
            return CompletableFuture.completedFuture(ticket);
        }
        CompletableFuture<String> next = new CompletableFuture<>();
        waiting.add(next);
        // a caller that gave up (timeout) must not stay in the list
        next.whenComplete((t, failure) -> {
            if (failure != null) {
                forgetWaiter(next);
            }
        });
        return next;
    }

    /** Lark said this ticket is invalid: forget it unless a newer one arrived meanwhile. */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(ticket)) {
            ticket = null;
        }
    }

    private synchronized void forgetWaiter(CompletableFuture<String> waiter) {
        waiting.remove(waiter);
    }

    @Override
    public synchronized String toString() {
        return "AppTicketStore[" + (ticket != null ? "ticket held" : "no ticket") + ", " + waiting.size() + " waiting]";
    }
}
