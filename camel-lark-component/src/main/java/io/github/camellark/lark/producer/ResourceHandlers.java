package io.github.camellark.lark.producer;

import io.github.camellark.lark.LarkResource;

/** Which handler runs the operations of each resource. */
public final class ResourceHandlers {

    private ResourceHandlers() {
    }

    public static ResourceHandler forResource(LarkResource resource) {
        switch (resource) {
            case MESSAGE:
                return new MessageHandler();
            case BATCH_MESSAGE:
                return new BatchMessageHandler();
            case IMAGE:
                return new ImageHandler();
            case FILE:
                return new FileHandler();
            case CARD:
                return new CardHandler();
            case REACTION:
                return new ReactionHandler();
            case PIN:
                return new PinHandler();
            case URGENT:
                return new UrgentHandler();
            case URL_PREVIEW:
                return new UrlPreviewHandler();
            case CHAT:
                return new ChatHandler();
            case CUSTOM_BOT:
                return new CustomBotHandler();
            case CARDKIT:
                return new CardKitHandler();
            default:
                throw new UnsupportedOperationException("lark:" + resource.uriName() + " has no producer yet");
        }
    }
}
