package io.github.camellark.lark.testkit.state;

import java.util.List;

/**
 * A group custom bot: posting to its webhook ({@code /open-apis/bot/v2/hook/{hookToken}}) writes
 * into {@code chatId}. With a {@code secret} the body must carry a valid {@code timestamp}/{@code sign};
 * with {@code keywords} the message must contain one of them.
 */
public record SimCustomBot(String hookToken, String botId, String name, String chatId, String secret,
        List<String> keywords) {

    public String webhookPath() {
        return "/open-apis/bot/v2/hook/" + hookToken;
    }
}
