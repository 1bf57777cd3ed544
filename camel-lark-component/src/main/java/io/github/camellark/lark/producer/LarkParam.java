package io.github.camellark.lark.producer;

import java.util.List;
import java.util.function.Function;

import io.github.camellark.lark.LarkConfiguration;
import io.github.camellark.lark.LarkConstants;

/** The per-call values: each is an endpoint option and a header that wins over it. */
public enum LarkParam {
    RECEIVE_ID_TYPE("receiveIdType", LarkConstants.RECEIVE_ID_TYPE, LarkConfiguration::getReceiveIdType,
            "open_id", "union_id", "user_id", "email", "chat_id", "thread_id"),
    RECEIVE_ID("receiveId", LarkConstants.RECEIVE_ID, LarkConfiguration::getReceiveId),
    MSG_TYPE("msgType", LarkConstants.MSG_TYPE, LarkConfiguration::getMsgType),
    MESSAGE_ID("messageId", LarkConstants.MESSAGE_ID, LarkConfiguration::getMessageId),
    THREAD_ID("threadId", LarkConstants.THREAD_ID, LarkConfiguration::getThreadId),
    REPLY_IN_THREAD("replyInThread", LarkConstants.REPLY_IN_THREAD, LarkConfiguration::getReplyInThread),
    UUID("uuid", LarkConstants.UUID, LarkConfiguration::getUuid),
    USER_ID_TYPE("userIdType", LarkConstants.USER_ID_TYPE, LarkConfiguration::getUserIdType, "open_id", "union_id", "user_id"),
    MEMBER_ID_TYPE("memberIdType", LarkConstants.MEMBER_ID_TYPE, LarkConfiguration::getMemberIdType, "open_id", "union_id", "user_id",
            "app_id"),
    CONTAINER_ID_TYPE("containerIdType", LarkConstants.CONTAINER_ID_TYPE, LarkConfiguration::getContainerIdType),
    CONTAINER_ID("containerId", LarkConstants.CONTAINER_ID, LarkConfiguration::getContainerId),
    START_TIME("startTime", LarkConstants.START_TIME, LarkConfiguration::getStartTime),
    END_TIME("endTime", LarkConstants.END_TIME, LarkConfiguration::getEndTime),
    SORT_TYPE("sortType", LarkConstants.SORT_TYPE, LarkConfiguration::getSortType),
    PAGE_SIZE("pageSize", LarkConstants.PAGE_SIZE, LarkConfiguration::getPageSize),
    PAGE_TOKEN("pageToken", LarkConstants.PAGE_TOKEN, LarkConfiguration::getPageToken),
    RESOURCE_TYPE("resourceType", LarkConstants.RESOURCE_TYPE, LarkConfiguration::getResourceType),
    IMAGE_TYPE("imageType", LarkConstants.IMAGE_TYPE, LarkConfiguration::getImageType),
    IMAGE_KEY("imageKey", LarkConstants.IMAGE_KEY, LarkConfiguration::getImageKey),
    FILE_TYPE("fileType", LarkConstants.FILE_TYPE, LarkConfiguration::getFileType),
    FILE_NAME("fileName", LarkConstants.FILE_NAME, LarkConfiguration::getFileName),
    DURATION("duration", LarkConstants.DURATION, LarkConfiguration::getDuration),
    FILE_KEY("fileKey", LarkConstants.FILE_KEY, LarkConfiguration::getFileKey),
    REACTION_ID("reactionId", LarkConstants.REACTION_ID, LarkConfiguration::getReactionId),
    EMOJI_TYPE("emojiType", LarkConstants.EMOJI_TYPE, LarkConfiguration::getEmojiType),
    CHAT_ID("chatId", LarkConstants.CHAT_ID, LarkConfiguration::getChatId),
    BATCH_MESSAGE_ID("batchMessageId", LarkConstants.BATCH_MESSAGE_ID, LarkConfiguration::getBatchMessageId),
    CARD_TOKEN("cardToken", LarkConstants.CARD_TOKEN, LarkConfiguration::getCardToken),
    USER_ID_LIST("userIdList", LarkConstants.USER_ID_LIST, LarkConfiguration::getUserIdList),
    USER_ACCESS_TOKEN("userAccessToken", LarkConstants.USER_ACCESS_TOKEN, LarkConfiguration::getUserAccessToken),
    TENANT_KEY("tenantKey", LarkConstants.TENANT_KEY, LarkConfiguration::getTenantKey),
    CARD_ID("cardId", LarkConstants.CARD_ID, LarkConfiguration::getCardId),
    ELEMENT_ID("elementId", LarkConstants.ELEMENT_ID, LarkConfiguration::getElementId),
    CARD_SEQUENCE("sequence", LarkConstants.CARD_SEQUENCE, LarkConfiguration::getSequence);

    private final String option;
    private final String header;
    private final Function<LarkConfiguration, Object> configured;
    /** The values Lark accepts, for the id types; empty when any value goes. */
    private final List<String> validValues;

    LarkParam(String option, String header, Function<LarkConfiguration, Object> configured, String... validValues) {
        this.option = option;
        this.header = header;
        this.configured = configured;
        this.validValues = List.of(validValues);
    }

    /** The value itself, or an error naming the option, the header, the value and the valid values. */
    String checked(String value) {
        if (value == null || validValues.isEmpty() || validValues.contains(value)) {
            return value;
        }
        throw new IllegalArgumentException("Unknown " + option + " '" + value + "' (option " + option + ", header " + header
                                           + " or body field); valid values: " + String.join(", ", validValues));
    }

    /** Checks the configured value of every parameter that has a fixed set of values: a producer fails to start on a typo. */
    public static void checkConfigured(LarkConfiguration configuration) {
        for (LarkParam param : values()) {
            Object value = param.configuredValue(configuration);
            if (value != null) {
                param.checked(value.toString());
            }
        }
    }

    public String option() {
        return option;
    }

    public String header() {
        return header;
    }

    Object configuredValue(LarkConfiguration configuration) {
        return configured.apply(configuration);
    }
}
