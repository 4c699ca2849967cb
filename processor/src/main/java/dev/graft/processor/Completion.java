package dev.graft.processor;

import dev.graft.Extension;
import dev.graft.format.Dependency;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The last round: reports classes still unresolved, validates the plugin declaration and each
 * extension's dependencies and API ownership against it, and, when nothing was wrong, writes the
 * index and the manifest once. It never reads earlier output, so a deleted extension disappears.
 */
final class Completion {

    private final Elements elements;
    private final Reporter reporter;
    private final Collected collected;
    private final ExtensionCollector extensions;
    private final PluginValidator pluginValidator;
    private final ExtensionDependencyValidator dependencyValidator;
    private final ApiOwnership ownership;
    private final PluginScope scope;
    private final ClassPathDependencyRule classPath;
    private final ResourceWriter writer;
    private final int javaRelease;

    /**
     * @param elements the compiler's element utilities
     * @param filer where the output goes
     * @param reporter where errors go
     * @param collected what the rounds have found
     * @param extensions reports unresolved extensions
     * @param versionOption the processor option {@code graft.version}, or {@code null}
     * @param javaRelease the Java release the compilation targets, written to the manifest
     * @param outcome takes the output back if the compilation fails after processing, or {@code null}
     */
    Completion(Elements elements, Filer filer, Reporter reporter, Collected collected, ExtensionCollector extensions,
            String versionOption, int javaRelease, CompilationOutcome outcome) {
        this.elements = elements;
        this.reporter = reporter;
        this.collected = collected;
        this.extensions = extensions;
        this.pluginValidator = new PluginValidator(elements, reporter, versionOption);
        this.dependencyValidator = new ExtensionDependencyValidator(elements, reporter);
        this.ownership = new ApiOwnership(elements, reporter);
        this.scope = new PluginScope(elements, reporter, ownership);
        this.classPath = new ClassPathDependencyRule(elements, filer, reporter, ownership);
        this.writer = new ResourceWriter(filer, reporter, outcome);
        this.javaRelease = javaRelease;
    }

    /** @param round the last round */
    void complete(RoundEnvironment round) {
        for (String name : collected.takeDeferred()) {
            reporter.guard(null, "reporting @Extension class " + name, () -> extensions.reportUnresolved(name));
        }
        PackageElement pkg = collected.pluginPackage() == null ? null : elements.getPackageElement(collected.pluginPackage());
        PluginDeclaration plugin = pkg == null ? null
                : reporter.guard(pkg, "validating @Plugin on", () -> pluginValidator.validate(pkg));
        List<Element> originating = new ArrayList<>();
        if (pkg != null) {
            originating.add(pkg);
        }
        Map<String, List<Dependency>> dependencies = new TreeMap<>();
        for (String name : collected.extensions()) {
            TypeElement type = elements.getTypeElement(name);
            originating.add(type);
            reporter.guard(type, "checking the dependencies of", () -> {
                if (pkg == null) {
                    reportMissingPlugin(type);
                } else if (plugin != null) {
                    scope.checkExtension(type, plugin);
                }
                dependencies.put(name, dependencyValidator.validate(type, Mirrors.find(type, Extension.class), plugin));
            });
        }
        for (String name : plugin == null ? Set.<String>of() : collected.points()) {
            TypeElement point = elements.getTypeElement(name);
            reporter.guard(point, "checking the package of", () -> scope.checkPoint(point, plugin));
        }
        for (ExtensionCandidate candidate : collected.candidates()) {
            TypeElement type = elements.getTypeElement(candidate.name());
            List<Dependency> own = dependencies.getOrDefault(candidate.name(), List.of());
            reporter.guard(type, "checking the extension points of", () -> {
                ownership.check(type, Mirrors.find(type, Extension.class), candidate, own, plugin);
                if (plugin != null) {
                    classPath.check(type, Mirrors.find(type, Extension.class), candidate, own, plugin);
                }
            });
        }
        if (plugin != null && !reporter.hasErrors() && !round.errorRaised()) {
            Element[] origin = originating.toArray(Element[]::new);
            reporter.guard(null, "writing the index and the manifest", () -> {
                writer.write(IndexFormat.PATH, PluginOutput.index(collected.candidates(), dependencies), origin);
                writer.write(ManifestFormat.PATH, PluginOutput.manifest(plugin, dependencies, javaRelease), origin);
            });
        }
    }

    private void reportMissingPlugin(TypeElement type) {
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        reporter.error(Site.of(type, Mirrors.find(type, Extension.class)), "@Extension class " + Names.of(type)
                + " is compiled without a plugin declaration: no package of this compilation carries @Plugin. Declare"
                + " the plugin once, in a package-info.java of its root package, for example:\n"
                + "@dev.graft.Plugin(id = \"my-plugin\")\n"
                + "package " + (pkg.isEmpty() ? "com.example.myplugin" : pkg) + ";");
    }
}
