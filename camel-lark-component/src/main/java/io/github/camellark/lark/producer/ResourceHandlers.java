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
            default:
                throw new UnsupportedOperationException("lark:" + resource.uriName() + " has no producer yet");
        }
    }
}
