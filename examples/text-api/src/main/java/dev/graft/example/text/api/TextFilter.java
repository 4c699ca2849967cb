package dev.graft.example.text.api;

import dev.graft.ExtensionPoint;

/**
 * Transforms text. The {@code filter} command applies every active filter in index order. As this
 * package belongs to plugin {@code text}, an extension of another plugin implementing it must
 * depend on {@code text}: the processor rejects it otherwise.
 */
@ExtensionPoint
public interface TextFilter {

    /**
     * @param text the text so far
     * @return the transformed text
     */
    String apply(String text);
}
