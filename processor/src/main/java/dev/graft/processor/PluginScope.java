package dev.graft.processor;

import dev.graft.Extension;
import dev.graft.ExtensionPoint;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that the points and extensions of the compilation lie in the plugin: in the package of
 * {@code @Plugin} or its subpackages. A point elsewhere has no owner (or another plugin's), so
 * other plugins implementing it would compile without depending on this one: an error, unless a
 * {@code @PluginApi} naming this plugin claims its package; a point of another plugin's package is a
 * copy of that plugin's API: a warning. An extension elsewhere still works: a warning. An extension
 * in a compilation without {@code @Plugin} belongs to no plugin: an error.
 */
final class PluginScope {

    private final Elements elements;
    private final Reporter reporter;
    private final ApiOwnership ownership;

    /**
     * @param elements looks types up
     * @param reporter where diagnostics go
     * @param ownership tells who owns a package
     */
    PluginScope(Elements elements, Reporter reporter, ApiOwnership ownership) {
        this.elements = elements;
        this.reporter = reporter;
        this.ownership = ownership;
    }

    /**
     * @param point an {@code @ExtensionPoint} type of the compilation
     * @param plugin the plugin declaration
     */
    void checkPoint(TypeElement point, PluginDeclaration plugin) {
        String pkg = elements.getPackageOf(point).getQualifiedName().toString();
        ApiOwnership.Owner owner = ownership.ownerOf(pkg);
        if (owner != null && owner.pluginId().equals(plugin.id())) {
            return;
        }
        Site site = Site.of(point, Mirrors.find(point, ExtensionPoint.class));
        if (owner != null) {
            reporter.warning(site, "@ExtensionPoint " + Names.of(point) + " is in package " + pkg + ", which belongs to"
                    + " plugin '" + owner.pluginId() + "' (package " + owner.packageName() + "), so plugin '"
                    + plugin.id() + "' compiles a copy of another plugin's API; depend on '" + owner.pluginId()
                    + "' and compile against its jar instead");
            return;
        }
        reporter.error(site, "@ExtensionPoint " + Names.of(point) + " is outside the root package "
                + plugin.packageName() + " of plugin '" + plugin.id() + "', and no @Plugin or @PluginApi claims package "
                + pkg + ": a plugin implementing it would compile without depending on '" + plugin.id()
                + "' and fail with NoClassDefFoundError when '" + plugin.id() + "' is absent. Move it under "
                + plugin.packageName() + ", or put @PluginApi(\"" + plugin.id() + "\") on the package-info of " + pkg);
    }

    /**
     * @param type an {@code @Extension} class of the compilation
     * @param plugin the plugin declaration
     */
    void checkExtension(TypeElement type, PluginDeclaration plugin) {
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        if (!Names.isIn(pkg, plugin.packageName())) {
            reporter.warning(Site.of(type, Mirrors.find(type, Extension.class)), "@Extension class " + Names.of(type)
                    + " is in package " + pkg + ", outside the root package " + plugin.packageName() + " of plugin '"
                    + plugin.id() + "'; a plugin's classes belong in its root package and its subpackages, where"
                    + " ownership and exports apply to them: move it under " + plugin.packageName());
        }
    }

    /** @param type an {@code @Extension} class of a compilation in which no package carries {@code @Plugin} */
    void reportMissingPlugin(TypeElement type) {
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        reporter.error(Site.of(type, Mirrors.find(type, Extension.class)), "@Extension class " + Names.of(type)
                + " is compiled without a plugin declaration: no package of this compilation carries @Plugin. Declare"
                + " the plugin once, in a package-info.java of its root package, for example:\n"
                + "@dev.graft.Plugin(id = \"my-plugin\")\n"
                + "package " + (pkg.isEmpty() ? "com.example.myplugin" : pkg) + ";");
    }
}
