package io.github.camellark.lark.testkit.state;

/**
 * One @mention inside a message: {@code key} is the placeholder ({@code @_user_1}) that replaces
 * the {@code <at>} tag in the content Lark returns.
 */
public record Mention(String key, String openId, String name) {
}
