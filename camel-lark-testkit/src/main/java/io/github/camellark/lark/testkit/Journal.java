package io.github.camellark.lark.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request the simulator received, oldest first, for assertions:
 * <pre>{@code
 * RecordedRequest send = sim.journal().last("POST", "/open-apis/im/v1/messages").orElseThrow();
 * assertThat(send.queryParam("receive_id_type")).isEqualTo("chat_id");
 * assertThat(sim.journal().count("POST", "/open-apis/im/v1/messages/*}{@code /reply")).isEqualTo(1);
 * }</pre>
 * Path patterns: {@code *} is one segment, a trailing {@code **} any rest.
 */
public final class Journal {

    private final List<RecordedRequest> entries = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        entries.add(request);
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(entries);
    }

    public synchronized List<RecordedRequest> requests(String method, String pathPattern) {
        PathPattern pattern = new PathPattern(method, pathPattern);
        return entries.stream().filter(r -> pattern.matches(r.method(), r.path())).toList();
    }

    public synchronized List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return entries.stream().filter(filter).toList();
    }

    /** Requests other than the {@code auth/v3} token calls. */
    public synchronized List<RecordedRequest> businessRequests() {
        return entries.stream().filter(r -> !r.path().startsWith("/open-apis/auth/")).toList();
    }

    /** The token calls ({@code /open-apis/auth/**}). */
    public List<RecordedRequest> tokenRequests() {
        return requests("POST", "/open-apis/auth/**");
    }

    public synchronized Optional<RecordedRequest> last() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    public Optional<RecordedRequest> last(String method, String pathPattern) {
        List<RecordedRequest> matching = requests(method, pathPattern);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    public int count(String method, String pathPattern) {
        return requests(method, pathPattern).size();
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /** One line per request, for failure messages and demos. */
    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        for (RecordedRequest r : new ArrayList<>(entries)) {
            sb.append(r).append('\n');
        }
        return sb.toString();
    }
}
