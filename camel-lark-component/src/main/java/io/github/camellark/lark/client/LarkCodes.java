package io.github.camellark.lark.client;

import java.util.Set;

/**
 * Lark codes that change what the client does. The token and platform-throttling codes are on Lark's generic list,
 * https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code; the others are documented per API.
 */
final class LarkCodes {

    /** Invalid or expired tenant/app token: evict, fetch a new one, retry once. Whether 99991665 recovers is unverified. */
    private static final Set<Long> INVALID_TOKEN = Set.of(99991663L, 99991664L, 99991665L);
    /** Platform throttling (99991400), per user/chat send limit (230020), message service limit (11232). */
    private static final Set<Long> RATE_LIMIT = Set.of(99991400L, 230020L, 11232L);

    private LarkCodes() {
    }

    static boolean isInvalidToken(long code) {
        return INVALID_TOKEN.contains(code);
    }

    static boolean isRateLimit(long code) {
        return RATE_LIMIT.contains(code);
    }
}
