package dev.graft.processor;

import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import javax.lang.model.element.AnnotationValue;

/**
 * Decides the plugin version: the processor option {@code graft.version} when set (the build's
 * version, written once in the build file), else {@code @Plugin.version}; both normalised with
 * {@link Version#normalize(String)}.
 */
final class PluginVersion {

    /** The processor option carrying the build's version. */
    static final String OPTION = "graft.version";

    private final String option;
    private final Reporter reporter;

    /**
     * @param option the value of {@link #OPTION}, or {@code null} when it is not set
     * @param reporter where errors and warnings go
     */
    PluginVersion(String option, Reporter reporter) {
        this.option = option == null || option.isBlank() ? null : option.trim();
        this.reporter = reporter;
    }

    /**
     * @param site the {@code @Plugin} package and annotation
     * @param owner "@Plugin on package a", for messages
     * @param declaredValue the {@code version} value of the annotation
     * @return the version, or {@code null} when an error was reported
     */
    Version resolve(Site site, String owner, AnnotationValue declaredValue) {
        String declared = String.valueOf(declaredValue.getValue()).trim();
        if (option == null && declared.isEmpty()) {
            reporter.error(site, owner + " has no version: pass the build's version to the compiler with"
                    + " -Agraft.version=${project.version} (in Maven: <compilerArgs><arg>-Agraft.version=${project.version}"
                    + "</arg></compilerArgs>), or, without a build tool, set @Plugin(version = \"1.0.0\")");
            return null;
        }
        Version fromOption = option == null ? null
                : normalize(site, "the processor option -A" + OPTION + " has an invalid version ", option);
        Version fromAnnotation = declared.isEmpty() ? null
                : normalize(site.at(declaredValue), owner + " has an invalid version ", declared);
        if (fromOption == null || fromAnnotation == null) {
            return fromOption != null ? fromOption : fromAnnotation;
        }
        if (!fromOption.toString().equals(fromAnnotation.toString())) {
            reporter.error(site.at(declaredValue), owner + " declares version '" + declared + "' (" + fromAnnotation
                    + "), but the build passes -A" + OPTION + "=" + option + " (" + fromOption + "); remove version"
                    + " from @Plugin so that the build's version is the only one");
            return null;
        }
        reporter.warning(site.at(declaredValue), owner + " declares version '" + declared + "', which the build"
                + " already passes with -A" + OPTION + "; remove it from @Plugin so that the version is written once");
        return fromOption;
    }

    private Version normalize(Site site, String problem, String text) {
        try {
            return Version.normalize(text);
        } catch (SyntaxException e) {
            reporter.error(site, problem + e.getMessage());
            return null;
        }
    }
}
