package io.github.camellark.lark.examples;

import java.util.Map;

import io.github.camellark.lark.content.LarkContent;
import io.github.camellark.lark.content.PostContent;
import org.apache.camel.Body;
import org.apache.camel.Variable;

import static io.github.camellark.lark.content.PostElement.at;
import static io.github.camellark.lark.content.PostElement.text;

/** The welcome bot's greeting. */
public final class Greetings {

    private Greetings() {
    }

    /**
     * A post that @mentions the newcomer.
     *
     * @param user  one entry of the event's {@code users}: {@code {name, tenant_key, user_id: {open_id, union_id, user_id}}}
     * @param group the group's name
     */
    public static PostContent welcome(@Body Map<String, Object> user, @Variable("group") String group) {
        String openId = (String) ((Map<?, ?>) user.get("user_id")).get("open_id");
        return LarkContent.post(PostContent.EN_US)
                .title("Welcome to " + group + "!")
                .paragraph(text("Hi "), at(openId), text(", glad to have you here."))
                .line("The pinned messages hold the essentials; type /help to see what I can do.");
    }
}
