package dev.graft.processor;

import dev.graft.Extension;
import dev.graft.Plugin;
import dev.graft.format.Dependency;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The last round: reports classes still unresolved (unless javac raised an error, after which it
 * ran no more rounds, so that a class may wait for a source never generated), validates what the
 * rounds left ({@link RoundValidation}), checks what must wait for every class and package of the
 * compilation (the API ownership of each extension's points, and that exported packages exist),
 * and, when no error was reported and javac raised none (under {@code -Werror} a warning of an
 * earlier round is one), writes the index and the manifest once. It never reads earlier output, so
 * a deleted extension disappears.
 */
final class Completion {

    private final Elements elements;
    private final Reporter reporter;
    private final Collected collected;
    private final ExtensionCollector extensions;
    private final RoundValidation validation;
    private final ApiOwnership ownership;
    private final ExportsValidator exports;
    private final ResourceWriter writer;
    private final int javaRelease;

    /**
     * @param elements the compiler's element utilities
     * @param filer where the output goes
     * @param reporter where errors go
     * @param collected what the rounds have found
     * @param extensions reports unresolved extensions
     * @param validation what the rounds validated, and validates the rest
     * @param ownership tells who owns a package
     * @param javaRelease the Java release the compilation targets, written to the manifest
     * @param outcome takes the output back if the compilation fails after processing, or {@code null}
     */
    Completion(Elements elements, Filer filer, Reporter reporter, Collected collected, ExtensionCollector extensions,
            RoundValidation validation, ApiOwnership ownership, int javaRelease, CompilationOutcome outcome) {
        this.elements = elements;
        this.reporter = reporter;
        this.collected = collected;
        this.extensions = extensions;
        this.validation = validation;
        this.ownership = ownership;
        this.exports = new ExportsValidator(elements, new Mirrors(elements), reporter);
        this.writer = new ResourceWriter(filer, reporter, outcome);
        this.javaRelease = javaRelease;
    }

    /** @param round the last round */
    void complete(RoundEnvironment round) {
        // With an error raised, javac ran no more rounds: a class may wait for a source never generated.
        for (String name : round.errorRaised() ? Set.<String>of() : collected.takeDeferred()) {
            reporter.guard(null, "reporting @Extension class " + name, () -> extensions.reportUnresolved(name));
        }
        validation.validate(true);
        PluginDeclaration plugin = validation.plugin();
        Map<String, List<Dependency>> dependencies = validation.dependencies();
        for (ExtensionCandidate candidate : collected.candidates()) {
            TypeElement type = elements.getTypeElement(candidate.name());
            List<Dependency> own = dependencies.getOrDefault(candidate.name(), List.of());
            reporter.guard(type, "checking the extension points of",
                    () -> ownership.check(type, Mirrors.find(type, Extension.class), candidate, own, plugin));
        }
        PackageElement pkg = collected.pluginPackage() == null ? null : elements.getPackageElement(collected.pluginPackage());
        if (plugin != null) {
            reporter.guard(pkg, "checking the exports of @Plugin on", () -> exports.reportMissing(
                    Site.of(pkg, Mirrors.find(pkg, Plugin.class)), "@Plugin on package " + Names.of(pkg), plugin.exports()));
        }
        if (plugin != null && !reporter.hasErrors() && !round.errorRaised()) {
            List<Element> originating = new ArrayList<>();
            originating.add(pkg);
            collected.extensions().forEach(name -> originating.add(elements.getTypeElement(name)));
            Element[] origin = originating.toArray(Element[]::new);
            reporter.guard(null, "writing the index and the manifest", () -> {
                writer.write(IndexFormat.PATH, PluginOutput.index(collected.candidates(), dependencies), origin);
                writer.write(ManifestFormat.PATH, PluginOutput.manifest(plugin, dependencies, javaRelease), origin);
            });
        }
    }
}
