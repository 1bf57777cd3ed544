package io.github.camellark.lark.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.operation.MessageOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Lark answered goes on the exchange: the data as the body, the new id in its header, and never a stale id. */
class ResultsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(context);
    private final LarkCall call = new LarkCall(exchange, MessageOperation.SEND, new LarkConfiguration(), null);

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void theIdOfWhatWasCreatedReplacesTheHeaderOfAnEarlierStep() {
        exchange.getMessage().setHeader(LarkConstants.CHAT_ID, "oc_earlier");

        Results.dataWithId(call, data("chat_id", "oc_new"), "chat_id", LarkConstants.CHAT_ID);

        assertThat(exchange.getMessage().getHeader(LarkConstants.CHAT_ID)).isEqualTo("oc_new");
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("chat_id", "oc_new");
    }

    @Test
    void aReplyWithoutTheIdRemovesTheStaleHeader() {
        exchange.getMessage().setHeader(LarkConstants.BATCH_MESSAGE_ID, "bm_earlier");
        exchange.getMessage().setHeader(LarkConstants.MESSAGE_ID, "om_earlier");

        Results.dataWithId(call, data("invalid_open_ids", "[]"), "message_id", LarkConstants.BATCH_MESSAGE_ID);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(LarkConstants.BATCH_MESSAGE_ID);

        Results.message(call, data("invalid_message_id_list", "[]"));
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey(LarkConstants.MESSAGE_ID);
    }

    @Test
    void aMessageIdIsTakenFromTheTopOrFromTheNestedMessage() {
        Results.message(call, data("message_id", "om_sent"));
        assertThat(exchange.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_sent");

        Results.message(call, data("message", Map.of("message_id", "om_merged")));
        assertThat(exchange.getMessage().getHeader(LarkConstants.MESSAGE_ID)).isEqualTo("om_merged");
    }

    private static Map<String, Object> data(String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(field, value);
        return data;
    }
}
