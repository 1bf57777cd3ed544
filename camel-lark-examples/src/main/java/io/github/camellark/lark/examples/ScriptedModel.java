package io.github.camellark.lark.examples;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.camel.Body;

/**
 * The help desk's offline "model": a scripted answer, given a few words at a time with a short pause between them, as
 * a language model streams its tokens. A real model replaces it (see the examples' README, "A real model").
 */
public final class ScriptedModel {

    private static final String VPN = "To reset your VPN password, open **vpn.example.com**, choose *Forgot password* and "
                                      + "follow the link we e-mail you. The new password works after about a minute; "
                                      + "restart the VPN client if it still refuses it.";
    private static final String OTHER = "I do not know that one yet. I have passed your question to the IT team, "
                                        + "who will answer in this chat.";
    private static final int WORDS_PER_CHUNK = 2;
    private static final long PAUSE_MILLIS = 40;

    private ScriptedModel() {
    }

    /** The answer to a question, as an iterator of chunks that the route splits and streams. */
    public static Iterator<String> answer(@Body String question) {
        String answer = question.toLowerCase().contains("vpn") ? VPN : OTHER;
        List<String> chunks = new ArrayList<>();
        String[] words = answer.split("(?<= )");
        for (int i = 0; i < words.length; i += WORDS_PER_CHUNK) {
            chunks.add(String.join("", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + WORDS_PER_CHUNK))));
        }
        Iterator<String> scripted = chunks.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return scripted.hasNext();
            }

            @Override
            public String next() {
                if (!scripted.hasNext()) {
                    throw new NoSuchElementException();
                }
                // a model takes its time for each token: the route's thread waits as it would on a model's stream
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
                return scripted.next();
            }
        };
    }
}
