package io.github.camellark.lark.testkit.api;

import io.github.camellark.lark.testkit.http.LarkError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a Lark list: {@code items}, {@code has_more} and, only when there is more, the
 * {@code page_token} to continue. Tokens are opaque to clients and bound to the list they came
 * from, so a token reused with a different query (e.g. another sort order) is refused.
 */
record Page<T>(List<T> items, boolean hasMore, String pageToken) {

    static <T> Page<T> of(List<T> all, int pageSize, String pageToken, String listKey, LarkError badToken) {
        int offset = pageToken == null || pageToken.isEmpty() ? 0 : decode(pageToken, listKey, badToken);
        if (offset > all.size()) {
            throw badToken;
        }
        int end = Math.min(all.size(), offset + pageSize);
        boolean hasMore = end < all.size();
        return new Page<>(all.subList(offset, end), hasMore, hasMore ? encode(end, listKey) : null);
    }

    /** {@code {"items":[…],"has_more":…,"page_token":…}} (page_token only when has_more). */
    <R> Map<String, Object> toJson(Function<T, R> itemJson) {
        Json.Obj json = Json.obj().put("items", items.stream().map(itemJson).toList()).put("has_more", hasMore);
        if (hasMore) {
            json.put("page_token", pageToken);
        }
        return json.map();
    }

    private static String encode(int offset, String listKey) {
        String raw = offset + ":" + Integer.toHexString(listKey.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, String listKey, LarkError badToken) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 0 || !raw.substring(colon + 1).equals(Integer.toHexString(listKey.hashCode()))) {
                throw badToken;
            }
            return Integer.parseInt(raw.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw badToken;
        }
    }
}
