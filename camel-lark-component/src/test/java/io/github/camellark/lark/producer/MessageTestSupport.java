package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.github.camellark.lark.support.LarkTestSupport;
import org.apache.camel.Exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Helpers of the message producer tests: calling an endpoint and describing the exact JSON Lark must receive. */
abstract class MessageTestSupport extends LarkTestSupport {

    /** A json-unit placeholder: any string (used for derived uuids, checked separately). */
    static final String ANY_STRING = "${json-unit.any-string}";

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A JSON object from alternating keys and values, in that order (values may be nested Maps and Lists). */
    static String json(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the body with the headers (alternating names and values) to the endpoint and returns the exchange. */
    Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    /** Like {@link #call}, asserting that the exchange succeeded. */
    Exchange callOk(String uri, Object body, Object... headers) {
        Exchange exchange = call(uri, body, headers);
        assertThat(exchange.getException()).as("exchange failure").isNull();
        return exchange;
    }

    /** Asserts that exactly one such request was made, with the tenant token. */
    static void verifyOne(RequestPatternBuilder request) {
        lark.verify(1, request.withHeader("Authorization", equalTo("Bearer " + TENANT_TOKEN)));
    }
}
