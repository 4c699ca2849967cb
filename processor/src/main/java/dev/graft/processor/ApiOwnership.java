package dev.graft.processor;

import dev.graft.Plugin;
import dev.graft.PluginApi;
import dev.graft.format.Dependency;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that an extension implementing another plugin's API depends on that plugin. A point
 * belongs to the plugin named by the nearest of its package and the enclosing packages that carries
 * {@code @Plugin} or {@code @PluginApi}, in this compilation or on the class path. A Spring
 * stereotype under which a component without point is indexed belongs to no plugin.
 */
final class ApiOwnership {

    private final Elements elements;
    private final Mirrors mirrors;
    private final Reporter reporter;

    /**
     * @param elements looks packages up
     * @param reporter where errors go
     */
    ApiOwnership(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.mirrors = new Mirrors(elements);
        this.reporter = reporter;
    }

    /**
     * Reports an error for each point of another plugin that neither the extension's dependencies
     * nor the plugin's required dependencies name.
     *
     * @param type the {@code @Extension} class
     * @param extension its {@code @Extension}
     * @param candidate its resolved points
     * @param dependencies its valid dependencies
     * @param plugin the plugin declaration, or {@code null} when the compilation has none
     */
    void check(TypeElement type, AnnotationMirror extension, ExtensionCandidate candidate,
            List<Dependency> dependencies, PluginDeclaration plugin) {
        for (PointRef point : candidate.points()) {
            Owner owner = point.stereotype() ? null : ownerOf(point.packageName());
            if (owner == null || (plugin != null && owner.pluginId().equals(plugin.id()))
                    || dependencies.stream().anyMatch(d -> d.pluginId().equals(owner.pluginId()))) {
                continue;
            }
            Optional<Dependency> pluginLevel = plugin == null ? Optional.empty() : plugin.dependencyOn(owner.pluginId());
            if (pluginLevel.isPresent() && !pluginLevel.get().optional()) {
                continue;
            }
            String id = owner.pluginId();
            String missing = pluginLevel.isEmpty()
                    ? "neither the extension nor its plugin depends on '" + id + "'"
                    : "its plugin declares '" + id + "' only as the optional dependency '" + pluginLevel.get()
                            + "', so the extension would be instantiated when '" + id + "' is absent";
            reporter.error(Site.of(type, extension), "@Extension class " + Names.of(type) + " implements extension"
                    + " point " + point.name() + ", which belongs to plugin '" + id + "' (package " + owner.packageName()
                    + "), but " + missing + caseHint(id, dependencies, plugin) + "; add @Extension(dependency = \""
                    + id + "\") so that the extension is active only when '" + id + "' is installed, or make '" + id
                    + "' a required dependency in"
                    + " @Plugin(dependencies = \"" + id + "\")");
        }
    }

    /**
     * "; did you mean 'lavasearch'..." when a dependency names {@code id} in another case
     * ({@code LavaSearch}): plugin ids are compared exactly, here and by the loader.
     */
    private static String caseHint(String id, List<Dependency> dependencies, PluginDeclaration plugin) {
        return java.util.stream.Stream.concat(dependencies.stream(),
                        plugin == null ? java.util.stream.Stream.empty() : plugin.dependencies().stream())
                .map(Dependency::pluginId).filter(d -> !d.equals(id) && d.equalsIgnoreCase(id)).findFirst()
                .map(other -> "; did you mean '" + id + "' for the dependency '" + other + "'? Plugin ids are case"
                        + " sensitive").orElse("");
    }

    /** The plugin owning a package, and the package that declares it. */
    record Owner(String pluginId, String packageName) {
    }

    /**
     * @param packageName a package
     * @return the plugin owning it, or {@code null} when no package up to the root claims it
     */
    Owner ownerOf(String packageName) {
        for (String name = packageName; !name.isEmpty(); name = name.substring(0, Math.max(name.lastIndexOf('.'), 0))) {
            PackageElement pkg = elements.getPackageElement(name);
            String id = pkg == null ? null : declaredOwner(pkg);
            if (id != null) {
                return new Owner(id, name);
            }
        }
        return null;
    }

    private String declaredOwner(PackageElement pkg) {
        AnnotationMirror plugin = Mirrors.find(pkg, Plugin.class);
        if (plugin != null) {
            return mirrors.string(plugin, "id");
        }
        AnnotationMirror api = Mirrors.find(pkg, PluginApi.class);
        return api == null ? null : mirrors.string(api, "value");
    }
}
