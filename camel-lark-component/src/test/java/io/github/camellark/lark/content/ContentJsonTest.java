package io.github.camellark.lark.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lark's size limits: text 150 KB, post and card 30 KB, measured on the serialised content. */
class ContentJsonTest {

    private static final int TEXT_ENVELOPE = "{\"text\":\"\"}".length();

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void textUpTo150KbPasses() {
        String json = ContentJson.serialize(LarkContent.text("a".repeat(150 * 1024 - TEXT_ENVELOPE)), mapper);
        assertThat(json).hasSize(153600);
    }

    @Test
    void textOver150KbFailsNamingLimitAndSize() {
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.text("a".repeat(150 * 1024 - TEXT_ENVELOPE + 1)), mapper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("150 KB").hasMessageContaining("153600 bytes").hasMessageContaining("153601 bytes");
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        // 3 bytes each in UTF-8: 51200 of them are 153600 bytes, over the limit with the envelope
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.text("界".repeat(51200)), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("153611 bytes");
        assertThat(ContentJson.utf8Length("a\u00e9\u754c\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void postOver30KbFails() {
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.post().line("p".repeat(30 * 1024)), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("post").hasMessageContaining("30 KB");
    }

    @Test
    void cardOver30KbFailsWhateverItsForm() {
        String big = "c".repeat(30 * 1024);
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.card(Map.of("elements", List.of(big))), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interactive").hasMessageContaining("30720 bytes");
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.card("{\"x\":\"" + big + "\"}"), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 KB");
        assertThatThrownBy(() -> ContentJson.serialize(LarkContent.template("AAq").variable("v", big), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 KB");
    }

    @Test
    void otherTypesHaveNoContentLimitHere() {
        assertThat(ContentJson.serialize(LarkContent.of("image", Map.of("image_key", "i".repeat(40 * 1024))), mapper)).isNotEmpty();
    }

    @Test
    void legacyBodyOfBatchMessagesAndCustomBots() {
        assertThat(LegacyMessageBody.of(LarkContent.text("hi"), mapper))
                .isEqualTo(Map.of("msg_type", "text", "content", Map.of("text", "hi")));
        assertThat(LegacyMessageBody.of(LarkContent.image("img_1"), mapper))
                .isEqualTo(Map.of("msg_type", "image", "content", Map.of("image_key", "img_1")));
        assertThat(LegacyMessageBody.of(LarkContent.post(PostContent.EN_US).title("T"), mapper))
                .isEqualTo(Map.of("msg_type", "post", "content",
                        Map.of("post", Map.of("en_us", Map.of("title", "T", "content", List.of())))));
        assertThat(LegacyMessageBody.of(LarkContent.shareChat("oc_1"), mapper))
                .isEqualTo(Map.of("msg_type", "share_chat", "content", Map.of("share_chat_id", "oc_1")));
        assertThat(LegacyMessageBody.of(LarkContent.card("{\"elements\":[]}"), mapper))
                .isEqualTo(Map.of("msg_type", "interactive", "card", Map.of("elements", List.of())));
        assertThatThrownBy(() -> LegacyMessageBody.of(LarkContent.file("file_1"), mapper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file");
    }
}
