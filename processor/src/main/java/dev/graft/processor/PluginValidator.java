package dev.graft.processor;

import dev.graft.Plugin;
import dev.graft.format.Dependency;
import dev.graft.format.PluginId;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Validates the {@code @Plugin} declaration: id, version, requires, dependencies and exports. */
final class PluginValidator {

    private final Mirrors mirrors;
    private final Reporter reporter;
    private final PluginVersion version;
    private final DependencyEntries dependencies;
    private final ExportsValidator exports;

    /**
     * @param elements the compiler's element utilities
     * @param reporter where errors go
     * @param versionOption the value of the processor option {@code graft.version}, or {@code null}
     */
    PluginValidator(Elements elements, Reporter reporter, String versionOption) {
        this.mirrors = new Mirrors(elements);
        this.reporter = reporter;
        this.version = new PluginVersion(versionOption, reporter);
        this.dependencies = new DependencyEntries(mirrors, reporter);
        this.exports = new ExportsValidator(elements, mirrors, reporter);
    }

    /**
     * @param pkg the package carrying {@code @Plugin}
     * @return the declaration, with the invalid parts left out (each reported as an error)
     */
    PluginDeclaration validate(PackageElement pkg) {
        AnnotationMirror plugin = Mirrors.find(pkg, Plugin.class);
        Site site = Site.of(pkg, plugin);
        String owner = "@Plugin on package " + Names.of(pkg);
        AnnotationValue idValue = mirrors.value(plugin, "id");
        String id = String.valueOf(idValue.getValue());
        try {
            PluginId.check(id);
        } catch (SyntaxException e) {
            reporter.error(site.at(idValue), owner + " has an invalid id " + e.getMessage());
        }
        Version resolved = version.resolve(site, owner, mirrors.value(plugin, "version"));
        VersionRange requires = requires(site, owner, mirrors.value(plugin, "requires"));
        List<Dependency> deps = dependencies.read(site, "dependencies", owner, id).stream()
                .map(DependencyEntries.Entry::dependency)
                .toList();
        return new PluginDeclaration(Names.of(pkg), id, resolved, requires, deps, exports.validate(site, owner));
    }

    private VersionRange requires(Site site, String owner, AnnotationValue value) {
        String text = String.valueOf(value.getValue());
        if (text.isBlank()) {
            return VersionRange.ANY;
        }
        try {
            VersionRange range = VersionRange.parse(text);
            Ranges.check(reporter, site.at(value), owner + ": requires", range);
            return range;
        } catch (SyntaxException e) {
            reporter.error(site.at(value), owner + " has an invalid requires " + e.getMessage());
            return VersionRange.ANY;
        }
    }
}
