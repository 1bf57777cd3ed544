package io.github.camellark.lark.producer;

import io.github.camellark.lark.LarkResource;

/** Which handler runs the operations of each resource. */
public final class ResourceHandlers {

    private ResourceHandlers() {
    }

    /** The handler of a producer resource; fails for the consumer-only {@code events}. */
    public static ResourceHandler<?> forResource(LarkResource resource) {
        return switch (resource) {
            case MESSAGE -> new MessageHandler();
            case BATCH_MESSAGE -> new BatchMessageHandler();
            case IMAGE -> new ImageHandler();
            case FILE -> new FileHandler();
            case CARD -> new CardHandler();
            case REACTION -> new ReactionHandler();
            case PIN -> new PinHandler();
            case URGENT -> new UrgentHandler();
            case URL_PREVIEW -> new UrlPreviewHandler();
            case CHAT -> new ChatHandler();
            case CUSTOM_BOT -> new CustomBotHandler();
            case CARDKIT -> new CardKitHandler();
            case EVENTS -> throw new IllegalArgumentException("lark:events can only be consumed (from), not produced to");
        };
    }
}
