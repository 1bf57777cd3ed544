package io.github.camellark.lark;

import org.apache.camel.spi.Metadata;

/**
 * Header names of the {@code lark:} component. Every per-call endpoint option has a header named {@code CamelLark} +
 * the option name with its first letter upper-cased; the header wins over the option.
 */
public final class LarkConstants {

    @Metadata(label = "producer", description = "The operation to perform on the resource; wins over the operation option.",
              javaType = "String")
    public static final String OPERATION = "CamelLarkOperation";

    // ---- per-call values (producer) -------------------------------------------------------------

    @Metadata(label = "producer", description = "Type of receiveId: open_id, union_id, user_id, email, chat_id (thread_id for forwards);"
                                                + " inferred from oc_, ou_, on_, omt_ ids and e-mail addresses when absent."
                                                + " For card sendEphemeral: open_id, user_id or email.",
              javaType = "String")
    public static final String RECEIVE_ID_TYPE = "CamelLarkReceiveIdType";
    @Metadata(label = "producer", description = "The user, chat or thread that receives the message (Lark receive_id); for card sendEphemeral, the user who sees the card.",
              javaType = "String")
    public static final String RECEIVE_ID = "CamelLarkReceiveId";
    @Metadata(description = "The Lark msg_type: text, post, image, file, audio, media, sticker, interactive, share_chat, share_user, system."
                            + " On consumed message events, the type of the received message.",
              javaType = "String")
    public static final String MSG_TYPE = "CamelLarkMsgType";
    @Metadata(description = "The message id (om_...). Producer: the message to reply to, edit, recall, forward, react to, pin or buzz;"
                            + " after send, reply and forward it holds the id of the new message. Consumer: the id of the message the event is about.",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelLarkMessageId";
    @Metadata(label = "producer", description = "The thread id (omt_...) for forwardThread.", javaType = "String")
    public static final String THREAD_ID = "CamelLarkThreadId";
    @Metadata(label = "producer", description = "Whether a reply goes into the message's thread (Lark reply_in_thread).",
              javaType = "Boolean")
    public static final String REPLY_IN_THREAD = "CamelLarkReplyInThread";
    @Metadata(label = "producer", description = "Idempotency key (at most 50 characters): Lark accepts the same uuid at most once an hour."
                                                + " When absent the component derives one from the exchange id, the operation, the target and the content.",
              javaType = "String")
    public static final String UUID = "CamelLarkUuid";
    @Metadata(label = "producer", description = "Type of user ids in the request and reply: open_id, union_id or user_id.",
              javaType = "String")
    public static final String USER_ID_TYPE = "CamelLarkUserIdType";
    @Metadata(label = "producer", description = "Type of member ids for chat addMembers: open_id, union_id, user_id or app_id.",
              javaType = "String")
    public static final String MEMBER_ID_TYPE = "CamelLarkMemberIdType";
    @Metadata(label = "producer", description = "Container type for message list: chat or thread.", javaType = "String")
    public static final String CONTAINER_ID_TYPE = "CamelLarkContainerIdType";
    @Metadata(label = "producer", description = "Container id (chat_id or thread_id) for message list.", javaType = "String")
    public static final String CONTAINER_ID = "CamelLarkContainerId";
    @Metadata(label = "producer", description = "Start of the time range for message list (epoch seconds) and pin list (epoch milliseconds).",
              javaType = "String")
    public static final String START_TIME = "CamelLarkStartTime";
    @Metadata(label = "producer", description = "End of the time range for message list (epoch seconds) and pin list (epoch milliseconds).",
              javaType = "String")
    public static final String END_TIME = "CamelLarkEndTime";
    @Metadata(label = "producer", description = "Sort order for message list: ByCreateTimeAsc or ByCreateTimeDesc.", javaType = "String")
    public static final String SORT_TYPE = "CamelLarkSortType";
    @Metadata(label = "producer", description = "Page size for list operations.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelLarkPageSize";
    @Metadata(label = "producer", description = "Page token: in, the page to fetch; out, the token of the next page (absent on the last page).",
              javaType = "String")
    public static final String PAGE_TOKEN = "CamelLarkPageToken";
    @Metadata(label = "producer", description = "Resource type for message getResource: image or file.", javaType = "String")
    public static final String RESOURCE_TYPE = "CamelLarkResourceType";
    @Metadata(label = "producer", description = "Image type for image upload: message or avatar.", javaType = "String")
    public static final String IMAGE_TYPE = "CamelLarkImageType";
    @Metadata(label = "producer", description = "Image key (img_...): the image to download or send; after image upload, the key of the new image.",
              javaType = "String")
    public static final String IMAGE_KEY = "CamelLarkImageKey";
    @Metadata(label = "producer", description = "File type for file upload: opus, mp4, pdf, doc, xls, ppt or stream (inferred from the file name when absent).",
              javaType = "String")
    public static final String FILE_TYPE = "CamelLarkFileType";
    @Metadata(label = "producer", description = "File name: for file upload; for downloads, the name Lark gave the file.", javaType = "String")
    public static final String FILE_NAME = "CamelLarkFileName";
    @Metadata(label = "producer", description = "Duration in milliseconds of an uploaded audio or video file.", javaType = "Integer")
    public static final String DURATION = "CamelLarkDuration";
    @Metadata(label = "producer", description = "File key (file_...): the file to download or send, or the resource key for getResource; after file upload, the key of the new file.",
              javaType = "String")
    public static final String FILE_KEY = "CamelLarkFileKey";
    @Metadata(label = "producer", description = "Reaction id for reaction delete; after reaction create, the id of the new reaction.",
              javaType = "String")
    public static final String REACTION_ID = "CamelLarkReactionId";
    @Metadata(label = "producer", description = "Emoji type of a reaction (for example THUMBSUP, SMILE, DONE); filter for reaction list.",
              javaType = "String")
    public static final String EMOJI_TYPE = "CamelLarkEmojiType";
    @Metadata(description = "Chat id (oc_...). Producer: the chat for pin list, chat addMembers and ephemeral cards; after chat create, the id of the new chat."
                            + " Consumer: the chat of a message event.",
              javaType = "String")
    public static final String CHAT_ID = "CamelLarkChatId";
    @Metadata(label = "producer", description = "Batch message id (bm-...): for batchMessage recall, readUser and progress; after batchMessage send, the id of the batch.",
              javaType = "String")
    public static final String BATCH_MESSAGE_ID = "CamelLarkBatchMessageId";
    @Metadata(description = "Token of a card callback (c-...), used by card delayUpdate. Consumer: set on card.action.trigger exchanges.",
              javaType = "String")
    public static final String CARD_TOKEN = "CamelLarkCardToken";
    @Metadata(label = "producer", description = "User ids for urgent (buzz) operations: a List or a comma-separated String.",
              javaType = "java.util.List<String>")
    public static final String USER_ID_LIST = "CamelLarkUserIdList";
    @Metadata(label = "producer", description = "A user_access_token: the call is made as that user instead of as the app.",
              javaType = "String", secret = true)
    public static final String USER_ACCESS_TOKEN = "CamelLarkUserAccessToken";
    @Metadata(description = "Tenant key. Producer: for store apps, the tenant to act for. Consumer: the tenant the event comes from.",
              javaType = "String")
    public static final String TENANT_KEY = "CamelLarkTenantKey";

    @Metadata(label = "producer", description = "cardkit: the card entity id; after cardkit create and on every chunk of a stream, the id of the card.",
              javaType = "String")
    public static final String CARD_ID = "CamelLarkCardId";
    @Metadata(label = "producer", description = "cardkit: the element (element_id of the card JSON) to update, patch, delete or whose text to push; the stream writer's text element (default answer).",
              javaType = "String")
    public static final String ELEMENT_ID = "CamelLarkElementId";
    @Metadata(label = "producer", description = "cardkit: the sequence of the card operation (Lark wants it strictly increasing per card). After cardkit create, every cardkit operation and the last chunk of a stream, the next sequence to use.",
              javaType = "Integer")
    public static final String CARD_SEQUENCE = "CamelLarkCardSequence";
    @Metadata(label = "producer", description = "cardkit stream: the key of the stream a chunk belongs to; when absent, CamelLarkMessageId (the message answered).",
              javaType = "String")
    public static final String STREAM_KEY = "CamelLarkStreamKey";
    @Metadata(label = "producer", description = "cardkit stream: the position of the chunk in its stream (0, 1, 2 ...); chunks are typed in this order whatever order they arrive in. When absent, the CamelSplitIndex of a split, else the arrival order.",
              javaType = "Long")
    public static final String STREAM_CHUNK = "CamelLarkStreamChunk";
    @Metadata(label = "producer", description = "cardkit stream: true on the last chunk; the card then gets its final text and leaves streaming mode. When absent, the CamelSplitComplete of a split.",
              javaType = "Boolean")
    public static final String STREAM_LAST = "CamelLarkStreamLast";
    @Metadata(label = "producer", description = "cardkit stream: ends the stream in its error state, showing this text (true shows the streamErrorText option). A caught exception (onException, doTry) does the same.",
              javaType = "String")
    public static final String STREAM_ERROR = "CamelLarkStreamError";

    // ---- results (producer) ---------------------------------------------------------------------

    @Metadata(label = "producer", description = "The X-Tt-Logid of the Lark call: quote it in support cases.", javaType = "String")
    public static final String LOG_ID = "CamelLarkLogId";
    @Metadata(label = "producer", description = "List operations: whether more pages exist.", javaType = "Boolean")
    public static final String HAS_MORE = "CamelLarkHasMore";

    // ---- events (consumer) ----------------------------------------------------------------------

    @Metadata(label = "consumer", description = "The event type, for example im.message.receive_v1 or card.action.trigger.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelLarkEventType";
    @Metadata(label = "consumer", description = "The event id (schema 2.0 header.event_id, or the schema 1.0 uuid): the dedupe key.",
              javaType = "String")
    public static final String EVENT_ID = "CamelLarkEventId";
    @Metadata(label = "consumer", description = "When Lark created the event (milliseconds since the epoch, as Lark sent it).",
              javaType = "String")
    public static final String EVENT_CREATE_TIME = "CamelLarkEventCreateTime";
    @Metadata(label = "consumer", description = "The app id the event was sent to.", javaType = "String")
    public static final String APP_ID = "CamelLarkAppId";
    @Metadata(label = "consumer", description = "Message events: the chat type (p2p, group or topic_group).", javaType = "String")
    public static final String CHAT_TYPE = "CamelLarkChatType";
    @Metadata(label = "consumer", description = "Message events: the open_id of the sender; card callbacks: the open_id of the user who clicked.",
              javaType = "String")
    public static final String SENDER_OPEN_ID = "CamelLarkSenderOpenId";
    @Metadata(label = "consumer", description = "The whole event envelope as received (decrypted JSON string), with the verification token masked.",
              javaType = "String")
    public static final String EVENT_RAW = "CamelLarkEventRaw";

    private LarkConstants() {
    }
}
