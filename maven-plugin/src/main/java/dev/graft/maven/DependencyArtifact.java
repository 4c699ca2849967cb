package dev.graft.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * A resolved dependency of the plugin project, as the packaging rules see it: independent of
 * Maven's artifact classes, so that the rules can be tested on their own.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the base version ({@code 1.0-SNAPSHOT}, not a timestamped snapshot)
 * @param classifier the classifier, or empty
 * @param type the type ({@code jar}, {@code pom}, ...)
 * @param scope the scope ({@code compile}, {@code runtime}, {@code provided}, ...)
 * @param file the resolved file
 * @param trail how the project depends on it, from the project to the artifact
 */
public record DependencyArtifact(String groupId, String artifactId, String version, String classifier, String type,
        String scope, Path file, List<String> trail) {

    /** @return {@code groupId:artifactId:version[:classifier]} */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** @return {@code artifactId-version[-classifier].jar} */
    public String jarName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
    }
}
