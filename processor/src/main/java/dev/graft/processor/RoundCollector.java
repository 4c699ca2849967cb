package dev.graft.processor;

import dev.graft.Extension;
import dev.graft.ExtensionPoint;
import dev.graft.Plugin;
import dev.graft.PluginApi;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Handles one processing round: validates {@code @ExtensionPoint} types, registers the
 * {@code @Plugin} package (one per compilation) and collects {@code @Extension} classes, retrying
 * those deferred in the previous round.
 */
final class RoundCollector {

    private final Reporter reporter;
    private final Collected collected;
    private final ExtensionPointValidator pointValidator;
    private final PluginApiValidator apiValidator;
    private final ExtensionCollector extensions;
    private final LocalExtensionScanner localExtensions;

    /**
     * @param reporter where errors go
     * @param collected what the rounds have found
     * @param extensions collects the extensions
     * @param localExtensions finds {@code @Extension} on local classes, which javac does not report
     * @param apiValidator checks {@code @PluginApi}
     */
    RoundCollector(Reporter reporter, Collected collected, ExtensionCollector extensions,
            LocalExtensionScanner localExtensions, PluginApiValidator apiValidator) {
        this.reporter = reporter;
        this.collected = collected;
        this.pointValidator = new ExtensionPointValidator(reporter);
        this.apiValidator = apiValidator;
        this.extensions = extensions;
        this.localExtensions = localExtensions;
    }

    /** @param round the current round, not the last */
    void collect(RoundEnvironment round) {
        for (Element point : sorted(round, ExtensionPoint.class)) {
            reporter.guard(point, "validating @ExtensionPoint", () -> pointValidator.validate(point));
            if (point instanceof TypeElement type && !type.getQualifiedName().isEmpty()) {
                collected.addPoint(Names.of(type));
            }
        }
        for (Element pkg : sorted(round, PluginApi.class)) {
            reporter.guard(pkg, "validating @PluginApi on", () -> apiValidator.validate(pkg));
        }
        for (Element pkg : sorted(round, Plugin.class)) {
            reporter.guard(pkg, "reading @Plugin on", () -> register(pkg));
        }
        for (String name : collected.takeDeferred()) {
            reporter.guard(null, "processing @Extension class " + name, () -> extensions.retry(name));
        }
        for (Element type : sorted(round, Extension.class)) {
            reporter.guard(type, "processing @Extension", () -> extensions.add((TypeElement) type));
        }
        for (Element root : round.getRootElements()) {
            reporter.guard(root, "looking for @Extension on local classes in", () -> localExtensions.scan(root));
        }
    }

    private void register(Element pkg) {
        String first = collected.pluginPackage();
        if (first == null) {
            collected.pluginPackage(Names.of(pkg));
        } else {
            reporter.error(Site.of(pkg, Mirrors.find(pkg, Plugin.class)), "@Plugin on package " + Names.of(pkg)
                    + " is a second plugin declaration: package " + first + " already declares the plugin of this"
                    + " compilation; a compilation builds one plugin, so keep exactly one @Plugin");
        }
    }

    /** The annotated elements in name order, so that diagnostics do not depend on the order of sources. */
    private static List<? extends Element> sorted(RoundEnvironment round, Class<? extends Annotation> type) {
        return round.getElementsAnnotatedWith(type).stream().sorted(Comparator.comparing(Names::of)).toList();
    }
}
