package io.github.camellark.lark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.camellark.lark.operation.BatchMessageOperation;
import io.github.camellark.lark.operation.CardKitOperation;
import io.github.camellark.lark.operation.CardOperation;
import io.github.camellark.lark.operation.ChatOperation;
import io.github.camellark.lark.operation.CustomBotOperation;
import io.github.camellark.lark.operation.FileOperation;
import io.github.camellark.lark.operation.ImageOperation;
import io.github.camellark.lark.operation.LarkOperation;
import io.github.camellark.lark.operation.MessageOperation;
import io.github.camellark.lark.operation.PinOperation;
import io.github.camellark.lark.operation.ReactionOperation;
import io.github.camellark.lark.operation.UrgentOperation;
import io.github.camellark.lark.operation.UrlPreviewOperation;

/**
 * The resources of the {@code lark:} URI and the enum of the operations each one offers; the first constant of that enum
 * is the resource's default operation. The handler of each resource lives in {@code producer/<Resource>Handler} and
 * switches over that enum.
 */
public enum LarkResource {
    MESSAGE("message", MessageOperation.class),
    BATCH_MESSAGE("batchMessage", BatchMessageOperation.class),
    IMAGE("image", ImageOperation.class),
    FILE("file", FileOperation.class),
    CARD("card", CardOperation.class),
    REACTION("reaction", ReactionOperation.class),
    PIN("pin", PinOperation.class),
    URGENT("urgent", UrgentOperation.class),
    URL_PREVIEW("urlPreview", UrlPreviewOperation.class),
    CHAT("chat", ChatOperation.class),
    CUSTOM_BOT("customBot", CustomBotOperation.class),
    CARDKIT("cardkit", CardKitOperation.class),
    /** Consumer only: events and card callbacks. */
    EVENTS("events", null);

    private final String uriName;
    private final Class<? extends LarkOperation> operationType;
    private final List<LarkOperation> operations;

    LarkResource(String uriName, Class<? extends LarkOperation> operationType) {
        this.uriName = uriName;
        this.operationType = operationType;
        this.operations = operationType == null ? List.of() : List.of(operationType.getEnumConstants());
    }

    public String uriName() {
        return uriName;
    }

    /** The enum of this resource's operations; null for the consumer-only {@code events}. */
    public Class<? extends LarkOperation> operationType() {
        return operationType;
    }

    /** The operations in the order of their enum, the default first. */
    public List<LarkOperation> operations() {
        return operations;
    }

    /** The URI names of the operations, the default first. */
    public List<String> operationNames() {
        return operations.stream().map(LarkOperation::uriName).toList();
    }

    public LarkOperation defaultOperation() {
        return operations.isEmpty() ? null : operations.get(0);
    }

    public boolean isProducer() {
        return !operations.isEmpty();
    }

    /** The operation to run: the requested one when valid, the default when none is requested. */
    public LarkOperation operation(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultOperation();
        }
        return operations.stream()
                .filter(operation -> operation.uriName().equals(requested))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation '" + requested + "' for lark:" + uriName
                                                                + "; valid operations: " + String.join(", ", operationNames())));
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
