package io.github.camellark.lark.examples;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camellark.lark.examples.offline.Scenarios.BroadcastOutcome;
import io.github.camellark.lark.testkit.ConversationLine;
import io.github.camellark.lark.testkit.RecordedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DepartmentBroadcastRoutesTest extends OfflineExampleTestSupport {

    @Test
    void aBroadcastIsSentToTheDepartmentsAndPolledUntilDeliveredThenItsReadCountIsAnswered() {
        BroadcastOutcome broadcast = scenarios.departmentBroadcast();

        // one batch send to the two departments, both known to Lark
        List<RecordedRequest> sends = requests("POST", "/open-apis/message/v4/batch_send", 1);
        assertThat(sends).hasSize(1);
        JsonNode send = sends.get(0).json();
        assertThat(texts(send.path("department_ids")))
                .containsExactly(tenant.support().openDepartmentId(), tenant.operations().openDepartmentId());
        assertThat(send.has("open_ids")).isFalse();
        assertThat(send.path("msg_type").asText()).isEqualTo("post");
        assertThat(sends.get(0).responseJson().at("/data/invalid_department_ids")).isEmpty();
        assertThat(broadcast.batchMessageId()).startsWith("bm-");

        // each member got it once: Alice (Support), Bob (both), Dave (Operations)
        assertThat(lark().conversation().lines()).filteredOn(line -> line.chat().startsWith("p2p "))
                .extracting(ConversationLine::chat, ConversationLine::text)
                .containsExactlyInAnyOrder(
                        tuple("p2p Alice", "Maintenance tonight: Lark is read-only from 22:00 to 23:00 UTC."),
                        tuple("p2p Bob", "Maintenance tonight: Lark is read-only from 22:00 to 23:00 UTC."),
                        tuple("p2p Dave", "Maintenance tonight: Lark is read-only from 22:00 to 23:00 UTC."));

        // progress polled until all three were reached (the simulator reaches a third more on each poll), then read counts
        String batch = "/open-apis/im/v1/batch_messages/" + broadcast.batchMessageId();
        List<RecordedRequest> polls = requests("GET", batch + "/get_progress", 3);
        assertThat(polls).hasSize(3);
        assertThat(polls.get(2).responseJson().at("/data/batch_message_send_progress/success_user_ids_count").asInt()).isEqualTo(3);
        assertThat(requests("GET", batch + "/read_user", 1)).hasSize(1);
        assertThat(journal().businessRequests()).last().matches(r -> r.path().equals(batch + "/read_user"));

        // the app's answer: delivered, read by Alice and Bob
        assertThat(broadcast.delivered()).isTrue();
        assertThat(broadcast.read()).isEqualTo(2);
        assertThat(broadcast.total()).isEqualTo(3);
    }
}
