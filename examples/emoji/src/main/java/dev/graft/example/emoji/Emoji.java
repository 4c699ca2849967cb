package dev.graft.example.emoji;

import java.util.Map;
import java.util.TreeMap;

/** Replaces text smileys with emoji. */
final class Emoji {

    private static final Map<String, String> SMILEYS = new TreeMap<>(Map.of(
            ":)", "\uD83D\uDE42",
            ":(", "\uD83D\uDE41",
            ":D", "\uD83D\uDE00",
            "<3", "\u2764\uFE0F"));

    private Emoji() {
    }

    /**
     * @param text any text
     * @return the text with each smiley replaced by its emoji
     */
    static String replace(String text) {
        String result = text;
        for (Map.Entry<String, String> smiley : SMILEYS.entrySet()) {
            result = result.replace(smiley.getKey(), smiley.getValue());
        }
        return result;
    }
}
