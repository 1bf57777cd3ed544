package io.github.camellark.lark.producer;

/**
 * The {@code receive_id_type} Lark requires with every receive id. When neither the option nor the header gives it,
 * it is inferred from the id's well-known shape: {@code oc_} chat_id, {@code ou_} open_id, {@code on_} union_id,
 * {@code omt_} thread_id (forwards only), anything with an {@code @} email. user_id values have no shape, so they
 * always need receiveIdType.
 */
final class ReceiveIdTypes {

    private ReceiveIdTypes() {
    }

    static String of(LarkCall call, RequestFields fields, String receiveId, boolean threadAllowed) {
        String given = fields.param(LarkParam.RECEIVE_ID_TYPE, "receive_id_type");
        if (given != null) {
            return given;
        }
        String inferred = infer(receiveId, threadAllowed);
        if (inferred == null) {
            throw new IllegalArgumentException("lark " + call.operationName() + " cannot tell the type of receiveId '" + receiveId
                                               + "': set the option 'receiveIdType' or the header 'CamelLarkReceiveIdType' (open_id,"
                                               + " union_id, user_id, email, chat_id" + (threadAllowed ? ", thread_id" : "")
                                               + "); it is inferred only for oc_, ou_, on_" + (threadAllowed ? ", omt_" : "")
                                               + " ids and e-mail addresses");
        }
        return inferred;
    }

    static String infer(String receiveId, boolean threadAllowed) {
        if (receiveId.startsWith("oc_")) {
            return "chat_id";
        }
        if (receiveId.startsWith("ou_")) {
            return "open_id";
        }
        if (receiveId.startsWith("on_")) {
            return "union_id";
        }
        if (threadAllowed && receiveId.startsWith("omt_")) {
            return "thread_id";
        }
        if (receiveId.indexOf('@') > 0) {
            return "email";
        }
        return null;
    }
}
