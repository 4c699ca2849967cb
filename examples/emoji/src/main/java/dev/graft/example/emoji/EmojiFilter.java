package dev.graft.example.emoji;

import dev.graft.Extension;
import dev.graft.example.text.api.TextFilter;

/**
 * Replaces smileys as a {@link TextFilter} of plugin {@code text}. The dependency makes it a
 * condition: the loader skips this extension, without loading its class, when {@code text} is not
 * installed, and the rest of the plugin works as before.
 */
@Extension(dependency = "text@>=0.1.0-0 <1.0.0")
public final class EmojiFilter implements TextFilter {

    /** Called by the loader. */
    public EmojiFilter() {
    }

    @Override
    public String apply(String text) {
        return Emoji.replace(text);
    }
}
