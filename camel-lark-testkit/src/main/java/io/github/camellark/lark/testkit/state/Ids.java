package io.github.camellark.lark.testkit.state;

import java.util.HexFormat;
import java.util.Random;

/**
 * Lark-looking identifiers ({@code ou_…}, {@code oc_…}, {@code om_…}, {@code img_v3_…}…),
 * reproducible when the simulator is built with a seed.
 */
public final class Ids {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final Random random;

    public Ids(Random random) {
        this.random = random;
    }

    public String hex(int chars) {
        byte[] bytes = new byte[(chars + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, chars);
    }

    public String alnum(int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    public String openId() {
        return "ou_" + hex(32);
    }

    public String unionId() {
        return "on_" + hex(32);
    }

    public String userId() {
        return hex(8);
    }

    public String chatId() {
        return "oc_" + hex(32);
    }

    public String openDepartmentId() {
        return "od-" + hex(32);
    }

    public String messageId() {
        return "om_" + hex(32);
    }

    public String threadId() {
        return "omt_" + hex(14);
    }

    public String batchMessageId() {
        return "bm-" + hex(32);
    }

    public String imageKey() {
        return "img_v3_" + hex(4) + "_" + hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12) + "g";
    }

    public String fileKey() {
        return "file_v3_" + hex(4) + "_" + hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12) + "g";
    }

    public String reactionId() {
        return "ZCaCIjUBVVWSrm5L-" + alnum(30);
    }

    public String tenantToken() {
        return "t-g" + hex(4) + alnum(36);
    }

    public String appToken() {
        return "a-g" + hex(4) + alnum(36);
    }

    public String userToken() {
        return "u-" + alnum(40);
    }

    public String cardToken() {
        return "c-" + hex(40);
    }

    public String appTicket() {
        return alnum(8) + "-" + alnum(8) + "-" + alnum(12);
    }

    public String hookToken() {
        return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
    }
}
