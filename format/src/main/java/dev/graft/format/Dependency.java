package dev.graft.format;

import java.util.Objects;

/**
 * A dependency on another plugin: {@code id}, {@code id@range}, {@code id?} or
 * {@code id?@range}. A {@code ?} marks the dependency optional: the plugin loads without it, and
 * when it is installed its version must lie in the range.
 *
 * @param pluginId the id of the plugin depended on
 * @param optional whether the plugin loads without it
 * @param range the versions accepted; {@link VersionRange#ANY} when none was written
 */
public record Dependency(String pluginId, boolean optional, VersionRange range) {

    /** The accepted syntax, quoted in error messages. */
    public static final String SYNTAX = "<pluginId>, <pluginId>@<range>, or for an optional dependency <pluginId>?"
            + " and <pluginId>?@<range>, for example lavasearch@^1.0.0";

    /**
     * Creates a dependency.
     *
     * @param pluginId the id of the plugin depended on
     * @param optional whether the plugin loads without it
     * @param range the versions accepted
     */
    public Dependency {
        PluginId.check(pluginId);
        Objects.requireNonNull(range, "range");
    }

    /**
     * Parses a dependency expression.
     *
     * @param text for example {@code lavasearch@^1.0.0} or {@code lyrics?}
     * @return the dependency
     * @throws SyntaxException naming the part that is wrong (the id or the range) and the syntax
     */
    public static Dependency parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int at = trimmed.indexOf('@');
        String head = at < 0 ? trimmed : trimmed.substring(0, at);
        boolean optional = head.endsWith("?");
        String id = optional ? head.substring(0, head.length() - 1) : head;
        if (id.isEmpty()) {
            throw new SyntaxException(text, "the plugin id is missing; expected " + SYNTAX);
        }
        try {
            PluginId.check(id);
        } catch (SyntaxException e) {
            throw new SyntaxException(text, "'" + id + "' is not a valid plugin id (" + PluginId.SYNTAX
                    + "); expected " + SYNTAX);
        }
        if (at < 0) {
            return new Dependency(id, optional, VersionRange.ANY);
        }
        String rangeText = trimmed.substring(at + 1);
        if (rangeText.isBlank()) {
            throw new SyntaxException(text, "the range after '@' is empty; expected " + SYNTAX);
        }
        try {
            return new Dependency(id, optional, VersionRange.parse(rangeText));
        } catch (SyntaxException e) {
            throw new SyntaxException(text, "bad range for plugin '" + id + "': " + e.getMessage());
        }
    }

    /**
     * Whether an installed version satisfies this dependency's range.
     *
     * @param version the installed version
     * @return {@code true} if it lies in the range
     */
    public boolean accepts(Version version) {
        return range.contains(version);
    }

    /** @return the canonical expression, for example {@code lavasearch?@^1.0.0} */
    @Override
    public String toString() {
        return pluginId + (optional ? "?" : "") + (range.equals(VersionRange.ANY) ? "" : "@" + range);
    }
}
