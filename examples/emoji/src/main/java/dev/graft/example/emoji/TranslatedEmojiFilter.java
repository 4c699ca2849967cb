package dev.graft.example.emoji;

import dev.graft.Extension;
import dev.graft.example.text.api.TextFilter;

/**
 * Spells emoji out in words, in the user's language, when both plugin {@code text} and plugin
 * {@code translate} are installed. The examples ship no {@code translate} plugin, so the example
 * host shows this extension as skipped, with the reason, and never loads its class.
 */
@Extension(dependency = {"text@>=0.1.0-0 <1.0.0", "translate@^1.0.0"}, ordinal = 20)
public final class TranslatedEmojiFilter implements TextFilter {

    /** Called by the loader. */
    public TranslatedEmojiFilter() {
    }

    @Override
    public String apply(String text) {
        return text.replace("\uD83D\uDE42", "(smiling face)");
    }
}
