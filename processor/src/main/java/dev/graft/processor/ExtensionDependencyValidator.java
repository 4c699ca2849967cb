package dev.graft.processor;

import dev.graft.format.Dependency;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks {@code @Extension.dependency} against the plugin declaration: no {@code ?}, no range that
 * can never hold beside the plugin's own dependency on the same plugin, and a warning for entries
 * the plugin's required dependencies already guarantee.
 */
final class ExtensionDependencyValidator {

    private final Reporter reporter;
    private final DependencyEntries entries;

    /**
     * @param elements the compiler's element utilities
     * @param reporter where errors and warnings go
     */
    ExtensionDependencyValidator(Elements elements, Reporter reporter) {
        this.reporter = reporter;
        this.entries = new DependencyEntries(new Mirrors(elements), reporter);
    }

    /**
     * @param type an {@code @Extension} type
     * @param extension its {@code @Extension}
     * @param plugin the plugin declaration, or {@code null} when the compilation has none
     * @return the valid dependencies, to be written to the index
     */
    List<Dependency> validate(TypeElement type, AnnotationMirror extension, PluginDeclaration plugin) {
        String owner = "@Extension class " + Names.of(type);
        Site site = Site.of(type, extension);
        List<Dependency> valid = new ArrayList<>();
        for (DependencyEntries.Entry entry : entries.read(site, "dependency", owner, plugin == null ? null : plugin.id())) {
            Dependency dependency = entry.dependency();
            Site at = site.at(entry.value());
            if (dependency.optional()) {
                reporter.error(at, owner + " marks dependency '" + entry.text() + "' optional, but an extension"
                        + " dependency is already a condition (the extension is skipped when the plugin is missing);"
                        + " remove '?'");
                continue;
            }
            valid.add(dependency);
            if (plugin != null) {
                plugin.dependencyOn(dependency.pluginId())
                        .ifPresent(pluginLevel -> compare(at, owner, entry, pluginLevel, plugin.id()));
            }
        }
        return valid;
    }

    private void compare(Site at, String owner, DependencyEntries.Entry entry, Dependency pluginLevel, String pluginId) {
        Dependency dependency = entry.dependency();
        if (!pluginLevel.range().intersects(dependency.range())) {
            reporter.error(at, owner + " needs '" + entry.text() + "', but plugin '" + pluginId + "' declares '"
                    + pluginLevel + "': no version of '" + dependency.pluginId() + "' lies in both " + pluginLevel.range()
                    + " and " + dependency.range() + ", so this condition can never hold; make the ranges overlap");
        } else if (!pluginLevel.optional()
                && (dependency.range().isAny() || dependency.range().equals(pluginLevel.range()))) {
            reporter.warning(at, owner + " needs '" + entry.text() + "', which plugin '" + pluginId
                    + "' already requires ('" + pluginLevel + "'); the entry is redundant, remove it");
        }
    }
}
