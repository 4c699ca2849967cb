package dev.graft.processor;

import dev.graft.Extension;
import dev.graft.Plugin;
import dev.graft.format.Dependency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Validates what the rounds collect as early as it can: the plugin declaration at the end of the
 * round it appears in, each extension, point and resolved extension at the end of the round it
 * arrives in once the declaration is known, for under {@code -Werror} javac turns a warning of a
 * round before the last into an error raised in the last round, where the output is withheld, but
 * not a warning of the last round itself. An annotation naming a constant not resolvable yet waits
 * for a later round. Each element is validated once; what is left is validated in the last round.
 */
final class RoundValidation {

    private final Elements elements;
    private final Reporter reporter;
    private final Collected collected;
    private final PluginValidator pluginValidator;
    private final ExtensionDependencyValidator dependencyValidator;
    private final PluginScope scope;
    private final ClassPathDependencyRule classPath;
    private final Set<String> extensions = new HashSet<>();
    private final Set<String> points = new HashSet<>();
    private final Set<String> candidates = new HashSet<>();
    private final Map<String, List<Dependency>> dependencies = new TreeMap<>();
    private boolean pluginValidated;
    private PluginDeclaration plugin;

    /**
     * @param elements the compiler's element utilities
     * @param filer reads the class path
     * @param reporter where errors and warnings go
     * @param collected what the rounds have found
     * @param versionOption the processor option {@code graft.version}, or {@code null}
     * @param ownership tells who owns a package
     */
    RoundValidation(Elements elements, Filer filer, Reporter reporter, Collected collected, String versionOption,
            ApiOwnership ownership) {
        this.elements = elements;
        this.reporter = reporter;
        this.collected = collected;
        this.pluginValidator = new PluginValidator(elements, reporter, versionOption);
        this.dependencyValidator = new ExtensionDependencyValidator(elements, reporter);
        this.scope = new PluginScope(elements, reporter, ownership);
        this.classPath = new ClassPathDependencyRule(elements, filer, reporter, ownership);
    }


    /** @return the plugin declaration, or {@code null} when there is none or it could not be read */
    PluginDeclaration plugin() {
        return plugin;
    }

    /** @return the valid dependencies of each validated extension, by class name */
    Map<String, List<Dependency>> dependencies() {
        return dependencies;
    }

    /** @param last whether this is the last round, where what is left is validated, with or without @Plugin */
    void validate(boolean last) {
        String name = collected.pluginPackage();
        if (!pluginValidated && name != null) {
            PackageElement pkg = elements.getPackageElement(name);
            if (!last && Mirrors.hasUnresolvedConstant(Mirrors.find(pkg, Plugin.class))) {
                return;
            }
            plugin = reporter.guard(pkg, "validating @Plugin on", () -> pluginValidator.validate(pkg));
            pluginValidated = true;
        }
        if (!pluginValidated && !last) {
            return;
        }
        for (String type : collected.extensions()) {
            TypeElement element = elements.getTypeElement(type);
            if ((last || !Mirrors.hasUnresolvedConstant(Mirrors.find(element, Extension.class))) && extensions.add(type)) {
                reporter.guard(element, "checking the dependencies of", () -> validateExtension(element));
            }
        }
        for (String type : plugin == null ? Set.<String>of() : collected.points()) {
            if (points.add(type)) {
                TypeElement point = elements.getTypeElement(type);
                reporter.guard(point, "checking the package of", () -> scope.checkPoint(point, plugin));
            }
        }
        for (ExtensionCandidate candidate : plugin == null ? List.<ExtensionCandidate>of() : collected.candidates()) {
            if (extensions.contains(candidate.name()) && candidates.add(candidate.name())) {
                TypeElement type = elements.getTypeElement(candidate.name());
                List<Dependency> own = dependencies.getOrDefault(candidate.name(), List.of());
                reporter.guard(type, "checking the extension points of",
                        () -> classPath.check(type, Mirrors.find(type, Extension.class), candidate, own, plugin));
            }
        }
    }

    private void validateExtension(TypeElement type) {
        if (collected.pluginPackage() == null) {
            scope.reportMissingPlugin(type);
        } else if (plugin != null) {
            scope.checkExtension(type, plugin);
        }
        dependencies.put(Names.of(type), dependencyValidator.validate(type, Mirrors.find(type, Extension.class), plugin));
    }
}
