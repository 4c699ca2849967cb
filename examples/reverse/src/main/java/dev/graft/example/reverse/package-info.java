/**
 * Plugin {@code reverse}: a {@link dev.graft.example.text.api.TextFilter} that reverses text. It
 * requires plugin {@code text} in any 0.x version, pre-releases (such as the
 * {@code 0.1.0-SNAPSHOT} of a development build) included: {@code ^0.1.0} alone would not match
 * {@code 0.1.0-SNAPSHOT}, which sorts before {@code 0.1.0}.
 */
@Plugin(id = "reverse", dependencies = "text@>=0.1.0-0 <1.0.0")
package dev.graft.example.reverse;

import dev.graft.Plugin;
