package io.github.camellark.lark.examples;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camellark.lark.LarkConstants;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/** The commands the bot answers: {@code /help}, {@code /ping}, {@code /request <what>}. */
public final class Commands {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command typed to the bot: {@code /request deploy v2.3} is name {@code request}, argument {@code deploy v2.3}. */
    public record Command(String name, String argument) {
    }

    private Commands() {
    }

    /**
     * The command in an {@code im.message.receive_v1} event, or null when the message is no command. Mentions (the
     * {@code @_user_1} keys Lark puts in place of an @bot) are left out.
     */
    public static Command parse(@Body Map<String, Object> event) throws JsonProcessingException {
        Map<?, ?> message = (Map<?, ?>) event.get("message");
        if (message == null || !"text".equals(message.get("message_type"))) {
            return null;
        }
        JsonNode content = JSON.readTree(String.valueOf(message.get("content")));
        String text = content.path("text").asText("").replaceAll("@_user_\\d+", "").trim();
        if (!text.startsWith("/") || text.length() < 2) {
            return null;
        }
        int space = text.indexOf(' ');
        return space < 0 ? new Command(text.substring(1), "")
                : new Command(text.substring(1, space), text.substring(space + 1).trim());
    }

    /** The answer, given in the command's thread. */
    public static String answer(@Variable("command") Command command) {
        switch (command.name()) {
            case "help":
                return "I know: /help, /ping, /request <what needs approval>";
            case "ping":
                return "pong";
            case "request":
                return command.argument().isEmpty() ? "Tell me what needs approval: /request <what>"
                        : "Posting an approval request for \"" + command.argument() + "\"";
            default:
                return "I do not know /" + command.name() + ". Try /help";
        }
    }

    /** The approval a {@code /request <what>} asks for. */
    public static Approvals.Request approvalRequest(@Variable("command") Command command,
            @Header(LarkConstants.SENDER_OPEN_ID) String requester) {
        return new Approvals.Request(command.argument(), requester);
    }
}
