package io.github.camellark.lark.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.operation.MessageOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A derived uuid is the SHA-256 of the exchange id, the operation and the parts, whatever thread derives it. */
class UuidsTest {

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void theDerivedUuidIsTheDigestOfTheExchangeTheOperationAndTheParts() throws Exception {
        LarkCall call = call();

        String uuid = Uuids.of(call, RequestFields.none(call), "oc_1", "hello");

        assertThat(uuid).isEqualTo(expected(call.exchange().getExchangeId() + "\nsend\noc_1\nhello"));
    }

    @Test
    void concurrentSendsEachGetTheDigestOfTheirOwnExchange() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String part = "content-" + i;
                Callable<String[]> derive = () -> {
                    LarkCall call = call();
                    return new String[] { Uuids.of(call, RequestFields.none(call), part),
                            expected(call.exchange().getExchangeId() + "\nsend\n" + part) };
                };
                results.add(threads.submit(derive));
            }
            for (Future<String[]> result : results) {
                String[] derivedAndExpected = result.get();
                assertThat(derivedAndExpected[0]).isEqualTo(derivedAndExpected[1]);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private LarkCall call() {
        return new LarkCall(new DefaultExchange(context), MessageOperation.SEND, new LarkConfiguration(), null);
    }

    private static String expected(String seed) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        return "cl-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
