package io.github.camellark.lark.testkit.events;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids in the shapes Lark uses (hex event ids, {@code om_}/{@code oc_} prefixes). Test data, not security. */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    public static String hex(int length) {
        return random(HEX, length);
    }

    public static String lowerAlnum(int length) {
        return random(LOWER_ALNUM, length);
    }

    public static String messageId() {
        return "om_" + hex(32);
    }

    public static String chatId() {
        return "oc_" + hex(32);
    }

    private static String random(char[] alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
