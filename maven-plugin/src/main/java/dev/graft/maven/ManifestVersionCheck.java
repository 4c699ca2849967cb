package dev.graft.maven;

import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import java.util.Optional;

/**
 * The manifest the processor wrote must carry the project's version. It does not when the version
 * changed but nothing was recompiled ({@code mvn package} without {@code clean}: the compiler saw no
 * stale source, so the processor did not run and the old manifest stayed in {@code target/classes}),
 * and a zip named for the new version would then hold the old one.
 */
final class ManifestVersionCheck {

    private ManifestVersionCheck() {
    }

    /**
     * @param manifest the manifest in the plugin's classes
     * @param manifestFile how messages name it
     * @param projectVersion the Maven project's version
     * @return the problem, with its fix, or empty when the versions agree (compared as Graft
     *     normalises the build's version, as the processor's {@code graft.version} option does)
     */
    static Optional<String> problem(PluginManifest manifest, String manifestFile, String projectVersion) {
        Version project;
        try {
            project = Version.normalize(projectVersion);
        } catch (SyntaxException e) {
            return Optional.of("the project's version '" + projectVersion + "' is not a version Graft can write: "
                    + e.getMessage());
        }
        if (project.toString().equals(manifest.version().toString())) {
            return Optional.empty();
        }
        return Optional.of("plugin '" + manifest.id() + "': " + manifestFile + " says version " + manifest.version()
                + ", but the project's version is " + projectVersion + " (" + project + "): the compiler did not run"
                + " again after the version changed, so graft-processor did not rewrite the manifest; build with"
                + " 'mvn clean package' (and pass -Agraft.version=${project.version} to the compiler, with no version"
                + " in @Plugin)");
    }
}
