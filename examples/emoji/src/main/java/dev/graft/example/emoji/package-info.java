/**
 * Plugin {@code emoji}: an {@code emoji} command that works on its own, and a
 * {@link dev.graft.example.text.api.TextFilter} that is active only when plugin {@code text} is
 * installed. The plugin itself depends on nothing; the processor adds {@code text?} to its
 * manifest so that {@code text}, when present, loads first.
 */
@Plugin(id = "emoji")
package dev.graft.example.emoji;

import dev.graft.Plugin;
