/**
 * Plugin {@code text}: the {@link dev.graft.example.text.api.TextFilter} extension point, which it
 * exports to the plugins depending on it, and the {@code filter} command that applies every
 * filter. Its version comes from the build ({@code -Agraft.version=${project.version}}).
 */
@Plugin(id = "text", exports = {"dev.graft.example.text.api"})
package dev.graft.example.text;

import dev.graft.Plugin;
