package dev.graft.example.reverse;

import dev.graft.Extension;
import dev.graft.example.text.api.TextFilter;

/**
 * Reverses text, after the filters of lower ordinal. Needs no {@code dependency} of its own: the
 * plugin already requires {@code text}, which owns {@link TextFilter}.
 */
@Extension(ordinal = 10)
public final class Reverse implements TextFilter {

    /** Called by the loader. */
    public Reverse() {
    }

    @Override
    public String apply(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
