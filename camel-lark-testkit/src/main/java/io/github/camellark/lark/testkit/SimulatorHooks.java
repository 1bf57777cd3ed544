package io.github.camellark.lark.testkit;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.testkit.auth.Authenticator;
import io.github.camellark.lark.testkit.control.ControlApi;
import io.github.camellark.lark.testkit.http.FaultAction;
import io.github.camellark.lark.testkit.http.MultipartPart;
import io.github.camellark.lark.testkit.http.ServerHooks;
import io.github.camellark.lark.testkit.http.SimRequest;

/**
 * What the simulator's HTTP server asks of it around every Lark API request: a planned fault or a rate limit, the
 * caller's token, and a journal entry for the exchange. Control API requests ({@code /_sim}) get none of it.
 */
final class SimulatorHooks implements ServerHooks {

    private final Faults faults;
    private final RateLimits rateLimits;
    private final Authenticator authenticator;
    private final Journal journal;

    SimulatorHooks(Faults faults, RateLimits rateLimits, Authenticator authenticator, Journal journal) {
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.authenticator = authenticator;
        this.journal = journal;
    }

    @Override
    public FaultAction faultFor(SimRequest request) {
        if (ControlApi.isControlPath(request.path())) {
            return null;
        }
        FaultAction fault = faults.take(request);
        return fault != null ? fault : rateLimits.check(request);
    }

    @Override
    public Object authenticate(SimRequest request) {
        return authenticator.authenticate(request);
    }

    @Override
    public void exchanged(SimRequest request, int status, JsonNode responseJson) {
        if (!ControlApi.isControlPath(request.path())) {
            journal.add(record(request, status, responseJson));
        }
    }

    private static RecordedRequest record(SimRequest request, int status, JsonNode responseJson) {
        List<RecordedRequest.Part> parts = request.parts().stream()
                .map(SimulatorHooks::summary)
                .toList();
        return new RecordedRequest(request.method(), request.path(), request.query(), request.headers(),
                request.json(), request.bodyText(), parts, request.receivedAt(), status, responseJson, request.logId());
    }

    private static RecordedRequest.Part summary(MultipartPart part) {
        return new RecordedRequest.Part(part.name(), part.fileName(), part.contentType(), part.size(),
                part.isFile() ? null : part.value());
    }
}
