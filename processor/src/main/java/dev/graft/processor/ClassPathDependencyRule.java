package dev.graft.processor;

import dev.graft.Plugin;
import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Warns when the range a dependency declares excludes the version of that plugin found on the compile
 * class path ({@link ClassPathVersions}): legal, since the plugin may be built against an older
 * release on purpose, but usually a range not updated after an upgrade.
 */
final class ClassPathDependencyRule {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Reporter reporter;
    private final ApiOwnership ownership;
    private final ClassPathVersions versions;
    private final Set<String> reported = new HashSet<>();

    /**
     * @param elements looks packages up
     * @param filer reads the class path
     * @param reporter where warnings go
     * @param ownership tells who owns a package
     */
    ClassPathDependencyRule(Elements elements, Filer filer, Reporter reporter, ApiOwnership ownership) {
        this.elements = elements;
        this.mirrors = new Mirrors(elements);
        this.reporter = reporter;
        this.ownership = ownership;
        this.versions = new ClassPathVersions(filer);
    }

    /**
     * @param type an {@code @Extension} class
     * @param extension its {@code @Extension}
     * @param candidate its resolved points
     * @param dependencies its valid dependencies
     * @param plugin the plugin declaration
     */
    void check(TypeElement type, AnnotationMirror extension, ExtensionCandidate candidate,
            List<Dependency> dependencies, PluginDeclaration plugin) {
        for (PointRef point : candidate.points()) {
            ApiOwnership.Owner owner = point.stereotype() ? null : ownership.ownerOf(point.packageName());
            PluginManifest manifest = owner == null || owner.pluginId().equals(plugin.id()) ? null
                    : versions.find(owner.packageName(), owner.pluginId());
            if (manifest == null) {
                continue;
            }
            Optional<Dependency> own = dependencies.stream().filter(d -> d.pluginId().equals(manifest.id())).findFirst();
            Element element = own.isPresent() ? type : elements.getPackageElement(plugin.packageName());
            AnnotationMirror annotation = own.isPresent() ? extension : Mirrors.find(element, Plugin.class);
            Optional<Dependency> dependency = own.isPresent() ? own : plugin.dependencyOn(manifest.id());
            String warning = dependency.map(d -> ClassPathVersions.excluded(d, manifest)).orElse(null);
            if (warning != null && reported.add(Names.of(element) + " " + manifest.id())) {
                String owningSide = own.isPresent() ? "@Extension class " + Names.of(type) : "@Plugin on package "
                        + plugin.packageName();
                reporter.warning(at(Site.of(element, annotation), own.isPresent() ? "dependency" : "dependencies",
                        manifest.id()), owningSide + ": " + warning);
            }
        }
    }

    private Site at(Site site, String member, String pluginId) {
        for (AnnotationValue value : mirrors.array(site.annotation(), member)) {
            try {
                if (Dependency.parse(String.valueOf(value.getValue())).pluginId().equals(pluginId)) {
                    return site.at(value);
                }
            } catch (SyntaxException e) {
                // reported by DependencyEntries
            }
        }
        return site;
    }
}
