package io.github.camellark.lark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The resources of the {@code lark:} URI and the operations each one offers; the first operation is the default. This is
 * the component page's table in one place: the handler of each resource lives in {@code producer/<Resource>Handler}.
 */
public enum LarkResource {
    MESSAGE("message", "send", "reply", "edit", "recall", "forward", "mergeForward", "forwardThread", "readUsers", "list", "get",
            "getResource", "pushFollowUp"),
    BATCH_MESSAGE("batchMessage", "send", "recall", "readUser", "progress"),
    IMAGE("image", "upload", "download"),
    FILE("file", "upload", "download"),
    CARD("card", "update", "delayUpdate", "sendEphemeral", "deleteEphemeral"),
    REACTION("reaction", "create", "list", "delete"),
    PIN("pin", "create", "delete", "list"),
    URGENT("urgent", "app", "sms", "phone"),
    URL_PREVIEW("urlPreview", "batchUpdate"),
    CHAT("chat", "create", "addMembers"),
    CUSTOM_BOT("customBot", "send"),
    CARDKIT("cardkit", "create", "update", "settings", "batchUpdate", "addElement", "updateElement", "patchElement",
            "deleteElement", "updateText", "stream"),
    /** Consumer only: events and card callbacks. */
    EVENTS("events");

    private final String uriName;
    private final List<String> operations;

    LarkResource(String uriName, String... operations) {
        this.uriName = uriName;
        this.operations = List.of(operations);
    }

    public String uriName() {
        return uriName;
    }

    public List<String> operations() {
        return operations;
    }

    public String defaultOperation() {
        return operations.isEmpty() ? null : operations.get(0);
    }

    public boolean isProducer() {
        return !operations.isEmpty();
    }

    /** The operation to run: the requested one when valid, the default when none is requested. */
    public String operation(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultOperation();
        }
        if (!operations.contains(requested)) {
            throw new IllegalArgumentException(
                    "Unknown operation '" + requested + "' for lark:" + uriName + "; valid operations: " + String.join(", ", operations));
        }
        return requested;
    }

    public static LarkResource fromUri(String name) {
        return Arrays.stream(values())
                .filter(r -> r.uriName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown Lark resource '" + name + "'; valid resources: " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(LarkResource::uriName).collect(Collectors.joining(", "));
    }
}
