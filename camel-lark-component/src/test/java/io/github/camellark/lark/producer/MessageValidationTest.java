package io.github.camellark.lark.producer;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.camellark.lark.LarkConstants;
import io.github.camellark.lark.content.LarkContent;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Input Lark would refuse fails on the exchange with a clear message, before any business request is made. */
class MessageValidationTest extends MessageTestSupport {

    /** Calls the endpoint, asserts the exchange failed with an IllegalArgumentException and Lark got no business request. */
    private String failure(String uri, Object body, Object... headers) {
        Exchange out = call(uri, body, headers);
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(businessRequests()).as("business requests").isEmpty();
        return out.getException().getMessage();
    }

    @Test
    void textOver150Kb() {
        assertThat(failure("lark:message?receiveId=oc_1", "a".repeat(150 * 1024)))
                .contains("150 KB").contains("153611 bytes");
    }

    @Test
    void postAndCardOver30KbAlsoOnReplyAndEdit() {
        String big = "b".repeat(30 * 1024);
        assertThat(failure("lark:message?receiveId=oc_1", LarkContent.post().line(big))).contains("post").contains("30 KB");
        assertThat(failure("lark:message?receiveId=oc_1&msgType=interactive", Map.of("elements", List.of(big))))
                .contains("interactive").contains("30 KB");
        assertThat(failure("lark:message?operation=reply&messageId=om_1", LarkContent.card("{\"x\":\"" + big + "\"}")))
                .contains("30 KB");
        assertThat(failure("lark:message?operation=edit&messageId=om_1", LarkContent.post().line(big))).contains("30 KB");
    }

    @Test
    void missingReceiveIdNamesOptionAndHeader() {
        assertThat(failure("lark:message", "hi")).contains("receiveId").contains("CamelLarkReceiveId");
        assertThat(failure("lark:message?operation=forward&messageId=om_1", null)).contains("receiveId").contains("CamelLarkReceiveId");
        assertThat(failure("lark:message?operation=mergeForward", List.of("om_1"))).contains("CamelLarkReceiveId");
        assertThat(failure("lark:message?operation=forwardThread&threadId=omt_1", null)).contains("CamelLarkReceiveId");
    }

    @ParameterizedTest
    @CsvSource({ "reply", "edit", "recall", "forward", "readUsers", "get", "getResource", "pushFollowUp" })
    void missingMessageIdNamesOptionAndHeader(String operation) {
        assertThat(failure("lark:message?receiveId=oc_1&fileKey=file_1&operation=" + operation, "hi"))
                .contains("messageId").contains("CamelLarkMessageId");
    }

    @Test
    void missingThreadFileContainerAndBatchIds() {
        assertThat(failure("lark:message?operation=forwardThread&receiveId=oc_1", null)).contains("threadId").contains("CamelLarkThreadId");
        assertThat(failure("lark:message?operation=getResource&messageId=om_1", null)).contains("fileKey").contains("CamelLarkFileKey");
        assertThat(failure("lark:message?operation=list", null)).contains("containerId").contains("CamelLarkContainerId");
        for (String operation : List.of("recall", "readUser", "progress")) {
            assertThat(failure("lark:batchMessage?operation=" + operation, null)).contains("batchMessageId")
                    .contains("CamelLarkBatchMessageId");
        }
    }

    @Test
    void receiveIdOfUnknownShapeNeedsReceiveIdType() {
        assertThat(failure("lark:message?receiveId=4d7a3c6g", "hi")).contains("receiveIdType").contains("CamelLarkReceiveIdType")
                .contains("4d7a3c6g");
        assertThat(failure("lark:message?receiveId=omt_1", "hi")).as("threads receive forwards only").contains("receiveIdType");
    }

    @Test
    void unknownOperationInTheHeaderListsTheValidOnes() {
        assertThat(failure("lark:message", "hi", LarkConstants.OPERATION, "shout"))
                .contains("shout").contains("send, reply, edit, recall, forward, mergeForward, forwardThread, readUsers, list, get,"
                                                + " getResource, pushFollowUp");
        assertThat(failure("lark:batchMessage", "hi", LarkConstants.OPERATION, "forward")).contains("send, recall, readUser, progress");
    }

    @Test
    void unknownOperationInTheUriFailsAtEndpointCreation() {
        Exception failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> context.getEndpoint("lark:message?operation=shout"));
        assertThat(failure).rootCause().hasMessageContaining("shout").hasMessageContaining("pushFollowUp");
    }

    @Test
    void uuidOverFiftyCharactersFailsWhetherFromTheOptionOrFromABodyField() {
        String tooLong = "u".repeat(51);
        assertThat(failure("lark:message?receiveId=oc_1&uuid=" + tooLong, "hi")).contains("uuid is limited to 50 characters, got 51");
        assertThat(failure("lark:message?receiveId=oc_1",
                Map.of("msg_type", "text", "content", "{\"text\":\"hi\"}", "uuid", tooLong)))
                .contains("uuid is limited to 50 characters, got 51");
        assertThat(failure("lark:chat", Map.of("name", "Ops", "uuid", tooLong))).contains("uuid is limited to 50 characters, got 51");
    }

    @Test
    void mergeForwardOfNoneOrMoreThan100Messages() {
        assertThat(failure("lark:message?operation=mergeForward&receiveId=oc_1", List.of())).contains("1 to 100").contains("got 0");
        assertThat(failure("lark:message?operation=mergeForward&receiveId=oc_1", Collections.nCopies(101, "om_1")))
                .contains("1 to 100").contains("got 101");
        assertThat(failure("lark:message?operation=mergeForward&receiveId=oc_1", "om_1")).contains("message_id_list");
    }

    @Test
    void contentLarkCannotTakeForTheOperation() {
        assertThat(failure("lark:message?operation=edit&messageId=om_1", LarkContent.image("img_1")))
                .contains("text and post").contains("lark:card");
        assertThat(failure("lark:message?receiveId=oc_1&msgType=image", "img_1")).contains("JSON").contains("image");
        assertThat(failure("lark:message?receiveId=oc_1", Map.of("elements", List.of()))).contains("msgType");
        assertThat(failure("lark:message?receiveId=oc_1", null)).contains("body");
        assertThat(failure("lark:message?operation=pushFollowUp&messageId=om_1", List.of())).contains("follow-ups");
    }

    @Test
    void batchSendWithoutTargetsOrWithTooManyOrAnUnsupportedType() {
        assertThat(failure("lark:batchMessage", Map.of("content", LarkContent.text("x")))).contains("open_ids");
        assertThat(failure("lark:batchMessage", Map.of("open_ids", Collections.nCopies(201, "ou_1"), "content", "x")))
                .contains("open_ids").contains("201").contains("200");
        assertThat(failure("lark:batchMessage", Map.of("open_ids", List.of("ou_1"), "content", LarkContent.file("file_1"))))
                .contains("file");
        assertThat(failure("lark:batchMessage", Map.of("open_ids", List.of("ou_1")))).contains("content");
        assertThat(failure("lark:batchMessage", "hi")).contains("Map");
    }
}
