package dev.graft.processor;

import dev.graft.format.Dependency;
import dev.graft.format.SyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;

/**
 * Reads an array of dependency expressions ({@code @Plugin.dependencies} or
 * {@code @Extension.dependency}), reporting on the offending entry: syntax errors, a dependency on
 * the plugin itself, the same plugin named twice, and a range no version satisfies.
 */
final class DependencyEntries {

    /**
     * One valid entry.
     *
     * @param dependency the parsed dependency
     * @param value the entry as written, for diagnostics
     */
    record Entry(Dependency dependency, AnnotationValue value) {

        /** @return the entry's text as written */
        String text() {
            return String.valueOf(value.getValue());
        }
    }

    private final Mirrors mirrors;
    private final Reporter reporter;

    /**
     * @param mirrors reads the array
     * @param reporter where errors go
     */
    DependencyEntries(Mirrors mirrors, Reporter reporter) {
        this.mirrors = mirrors;
        this.reporter = reporter;
    }

    /**
     * @param site the annotated element and the annotation holding the array
     * @param member the array member
     * @param owner what declares the dependencies, for messages: "@Extension class a.B"
     * @param selfId the id of the plugin being compiled, or {@code null} when unknown
     * @return the valid entries, in source order, each plugin once
     */
    List<Entry> read(Site site, String member, String owner, String selfId) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (AnnotationValue value : mirrors.array(site.annotation(), member)) {
            Site at = site.at(value);
            Entry entry;
            try {
                entry = new Entry(Dependency.parse(String.valueOf(value.getValue())), value);
            } catch (SyntaxException e) {
                reporter.error(at, owner + " has an invalid dependency " + e.getMessage());
                continue;
            }
            String id = entry.dependency().pluginId();
            Entry previous = byId.get(id);
            if (id.equals(selfId)) {
                reporter.error(at, owner + " depends on '" + entry.text() + "', which is the plugin being compiled ('"
                        + selfId + "'); a plugin always sees its own classes, remove this entry");
            } else if (previous != null) {
                reporter.error(at, owner + " names plugin '" + id + "' twice, as '" + previous.text() + "' and as '"
                        + entry.text() + "'; keep one entry per plugin");
            } else {
                byId.put(id, entry);
                Ranges.check(reporter, at, owner + ": dependency '" + entry.text() + "'",
                        entry.dependency().range());
            }
        }
        return List.copyOf(byId.values());
    }
}
