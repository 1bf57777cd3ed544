package io.github.camellark.lark.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static io.github.camellark.lark.content.PostElement.at;
import static io.github.camellark.lark.content.PostElement.atAll;
import static io.github.camellark.lark.content.PostElement.codeBlock;
import static io.github.camellark.lark.content.PostElement.emotion;
import static io.github.camellark.lark.content.PostElement.hr;
import static io.github.camellark.lark.content.PostElement.image;
import static io.github.camellark.lark.content.PostElement.link;
import static io.github.camellark.lark.content.PostElement.markdown;
import static io.github.camellark.lark.content.PostElement.media;
import static io.github.camellark.lark.content.PostElement.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each builder produces exactly the content JSON Lark documents for its msg_type:
 * https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/im-v1/message/create_json
 */
class LarkContentTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private String json(LarkContent content) {
        return ContentJson.serialize(content, mapper);
    }

    @Test
    void textWithMentionsAndAtAll() {
        LarkContent content = LarkContent.text("disk full").mention("ou_1", "Tom").text(", see").line("details").mentionAll();

        assertThat(content.msgType()).isEqualTo("text");
        assertThat(json(content)).isEqualTo(
                "{\"text\":\"disk full <at user_id=\\\"ou_1\\\">Tom</at>, see\\ndetails <at user_id=\\\"all\\\"></at>\"}");
    }

    @Test
    void mentionAfterWhitespaceAddsNoSpace() {
        assertThat(json(LarkContent.text("hi ").mention("ou_1", null))).isEqualTo("{\"text\":\"hi <at user_id=\\\"ou_1\\\"></at>\"}");
        assertThat(json(LarkContent.text("").mention("ou_1", "Tom"))).isEqualTo("{\"text\":\"<at user_id=\\\"ou_1\\\">Tom</at>\"}");
    }

    @Test
    void mentionRefusesIdsThatWouldBreakTheTag() {
        assertThatThrownBy(() -> LarkContent.text("x").mention("ou_1\" onclick", "Tom"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user_id");
        assertThatThrownBy(() -> LarkContent.text("x").mention(" ", "Tom")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postWithEveryElementAndTwoLocales() {
        LarkContent content = LarkContent.post()
                .title("Deploy")
                .paragraph(text("build ").bold().italic(), link("#42", "https://ci/42").underline(), at("ou_1"), atAll())
                .paragraph(image("img_1"))
                .paragraph(media("file_1", "img_2"))
                .paragraph(emotion("SMILE"), text("&lt;raw").unEscape().lineThrough())
                .paragraph(codeBlock("JAVA", "int x;"))
                .paragraph(hr())
                .paragraph(markdown("**done**"))
                .locale(PostContent.EN_US).title("Deploy EN").line("done");

        assertThat(content.msgType()).isEqualTo("post");
        assertThat(json(content)).isEqualTo("{\"zh_cn\":{\"title\":\"Deploy\",\"content\":["
                + "[{\"tag\":\"text\",\"text\":\"build \",\"style\":[\"bold\",\"italic\"]},"
                + "{\"tag\":\"a\",\"text\":\"#42\",\"href\":\"https://ci/42\",\"style\":[\"underline\"]},"
                + "{\"tag\":\"at\",\"user_id\":\"ou_1\"},{\"tag\":\"at\",\"user_id\":\"all\"}],"
                + "[{\"tag\":\"img\",\"image_key\":\"img_1\"}],"
                + "[{\"tag\":\"media\",\"file_key\":\"file_1\",\"image_key\":\"img_2\"}],"
                + "[{\"tag\":\"emotion\",\"emoji_type\":\"SMILE\"},{\"tag\":\"text\",\"text\":\"&lt;raw\",\"un_escape\":true,\"style\":[\"lineThrough\"]}],"
                + "[{\"tag\":\"code_block\",\"language\":\"JAVA\",\"text\":\"int x;\"}],"
                + "[{\"tag\":\"hr\"}],"
                + "[{\"tag\":\"md\",\"text\":\"**done**\"}]]},"
                + "\"en_us\":{\"title\":\"Deploy EN\",\"content\":[[{\"tag\":\"text\",\"text\":\"done\"}]]}}");
    }

    @Test
    void postInAnotherFirstLocaleWithoutTitle() {
        assertThat(json(LarkContent.post(PostContent.JA_JP).line("x")))
                .isEqualTo("{\"ja_jp\":{\"content\":[[{\"tag\":\"text\",\"text\":\"x\"}]]}}");
    }

    @Test
    void keyedContents() {
        assertThat(json(LarkContent.image("img_1"))).isEqualTo("{\"image_key\":\"img_1\"}");
        assertThat(json(LarkContent.file("file_1"))).isEqualTo("{\"file_key\":\"file_1\"}");
        assertThat(json(LarkContent.audio("file_2"))).isEqualTo("{\"file_key\":\"file_2\"}");
        assertThat(json(LarkContent.media("file_3"))).isEqualTo("{\"file_key\":\"file_3\"}");
        assertThat(json(LarkContent.media("file_3").cover("img_3"))).isEqualTo("{\"file_key\":\"file_3\",\"image_key\":\"img_3\"}");
        assertThat(json(LarkContent.sticker("file_4"))).isEqualTo("{\"file_key\":\"file_4\"}");
        assertThat(json(LarkContent.shareChat("oc_1"))).isEqualTo("{\"chat_id\":\"oc_1\"}");
        assertThat(json(LarkContent.shareUser("ou_1"))).isEqualTo("{\"user_id\":\"ou_1\"}");

        assertThat(List.of(LarkContent.image("i"), LarkContent.file("f"), LarkContent.audio("a"), LarkContent.media("m"),
                LarkContent.sticker("s"), LarkContent.shareChat("c"), LarkContent.shareUser("u")))
                .extracting(LarkContent::msgType)
                .containsExactly("image", "file", "audio", "media", "sticker", "share_chat", "share_user");
    }

    @Test
    void keyedContentsRefuseEmptyKeys() {
        assertThatThrownBy(() -> LarkContent.image("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image_key");
        assertThatThrownBy(() -> LarkContent.file(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file_key");
    }

    @Test
    void rawCardsAsMapNodeAndString() throws Exception {
        Map<String, Object> card = Map.of("schema", "2.0");
        assertThat(LarkContent.card(card).msgType()).isEqualTo("interactive");
        assertThat(json(LarkContent.card(card))).isEqualTo("{\"schema\":\"2.0\"}");
        assertThat(json(LarkContent.card(mapper.readTree("{\"elements\":[]}")))).isEqualTo("{\"elements\":[]}");
        assertThat(json(LarkContent.card("{\"elements\": []}"))).isEqualTo("{\"elements\": []}");
    }

    @Test
    void cardTextThatIsNoJsonObjectIsRefused() {
        assertThatThrownBy(() -> json(LarkContent.card("[1,2]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> json(LarkContent.card("{broken"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void templateCard() {
        LarkContent content = LarkContent.template("AAq1").version("1.0.2").variable("host", "h1").variable("cpu", 97);

        assertThat(content.msgType()).isEqualTo("interactive");
        assertThat(json(content)).isEqualTo("{\"type\":\"template\",\"data\":{\"template_id\":\"AAq1\","
                + "\"template_version_name\":\"1.0.2\",\"template_variable\":{\"host\":\"h1\",\"cpu\":97}}}");
        assertThat(json(LarkContent.template("AAq2"))).isEqualTo("{\"type\":\"template\",\"data\":{\"template_id\":\"AAq2\"}}");
    }

    @Test
    void systemDivider() {
        LarkContent content = LarkContent.systemDivider("New session").i18n("en_US", "New session").needRollup(true);

        assertThat(content.msgType()).isEqualTo("system");
        assertThat(json(content)).isEqualTo("{\"type\":\"divider\",\"params\":{\"divider_text\":{\"text\":\"New session\","
                + "\"i18n_text\":{\"en_US\":\"New session\"}}},\"options\":{\"need_rollup\":true}}");
    }

    @Test
    void anyContentByMsgType() {
        LarkContent content = LarkContent.of("image", Map.of("image_key", "img_9"));
        assertThat(content.msgType()).isEqualTo("image");
        assertThat(json(content)).isEqualTo("{\"image_key\":\"img_9\"}");
    }
}
