package io.github.camellark.lark.testkit.state;

import java.time.Instant;
import java.util.List;

/**
 * Side effects that leave no message behind but that tests want to see: buzzes, URL-preview
 * refreshes, card updates, toasts, follow-up bubbles.
 *
 * @param kind     e.g. {@code urgent_app}, {@code urgent_sms}, {@code urgent_phone}, {@code url_preview_update},
 *                 {@code card_delay_update}, {@code card_patch}, {@code card_toast} and {@code card_callback_update}
 *                 (a click's answer), {@code push_follow_up}, {@code app_ticket_resend}
 * @param targetId the message id, card token or preview token the action was about
 * @param ids      the users (open_ids) or preview tokens it concerned
 * @param detail   a JSON or text detail (the new card, the follow-ups …)
 */
public record Activity(String kind, String targetId, List<String> ids, String detail, Instant at) {
}
