package dev.graft.maven;

import dev.graft.format.PluginManifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;

/**
 * Builds the plugin zip, {@code <finalName>.zip}: the plugin's classes under {@code classes/}
 * (with the manifest and the index graft-processor wrote) and its runtime dependencies, whole and
 * byte for byte, under {@code lib/}. Dependencies the host provides stay out: those of scope
 * {@code provided}, those matching {@link #hostProvided}, and those the {@link #hostBom} manages.
 * Projects with packaging {@code pom} (a parent that configures the goal for its plugin modules)
 * are skipped.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.graft</groupId>
 *   <artifactId>graft-maven-plugin</artifactId>
 *   <version>${graft.version}</version>
 *   <executions><execution><goals><goal>package</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class PackageMojo extends AbstractMojo {

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The build session, used to resolve the host's BOM. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The plugin's compiled classes, with the manifest and the index graft-processor wrote. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** Where the zip is written. */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /** The zip's name, without {@code .zip}. */
    @Parameter(defaultValue = "${project.build.finalName}", required = true)
    private String finalName;

    /**
     * The time every zip entry carries, so that builds are reproducible: ISO-8601
     * ({@code 2026-01-01T00:00:00Z}) or seconds since the epoch. Unset, 1980-01-01T00:00.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Dependencies the host provides, as {@code groupId:artifactId} patterns ({@code *} matches any
     * characters, {@code com.sedmelluq:*}); they are not bundled.
     */
    @Parameter
    private List<String> hostProvided = new ArrayList<>();

    /**
     * A BOM ({@code groupId:artifactId:version}) whose dependencyManagement lists what the host
     * provides; none of those artifacts is bundled.
     */
    @Parameter
    private String hostBom;

    /**
     * The packages the host shares with plugins ({@code com.example.api}, {@code com.example.*}). A
     * bundled jar, or the plugin's own classes, holding classes in them fails the build: the host's
     * copy would always win.
     */
    @Parameter
    private List<String> sharedPackages = new ArrayList<>();

    /** Skips the goal. */
    @Parameter(defaultValue = "false", property = "graft.skip")
    private boolean skip;

    /** Attaches the zip to the project (type {@code zip}), so it is installed and deployed with it. */
    @Parameter(defaultValue = "true")
    private boolean attach;

    @Component
    private MavenProjectHelper projectHelper;

    @Component
    private ProjectBuilder projectBuilder;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("graft:package skipped");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().debug("graft:package skipped: " + project.getArtifactId() + " has packaging pom (an aggregator"
                    + " or parent, not a plugin)");
            return;
        }
        Path classes = classesDirectory.toPath();
        try {
            PluginManifest manifest = checked(() -> ProcessorOutput.check(classes));
            java.util.Optional<String> stale = ManifestVersionCheck.problem(manifest,
                    classes.resolve(dev.graft.format.ManifestFormat.PATH).toString(), project.getVersion());
            if (stale.isPresent()) {
                throw new MojoFailureException(stale.get());
            }
            BundledDependencies.Selection selection = BundledDependencies.select(dependencies(), hostProvided,
                    bomManaged());
            selection.leftOut().forEach(reason -> getLog().info("not bundled: " + reason));
            List<String> problems = SharedPackageCheck.problems(classes, selection.bundled(), sharedPackages);
            if (!problems.isEmpty()) {
                throw new MojoFailureException("plugin '" + manifest.id() + "' would bundle classes of packages the"
                        + " host shares (" + String.join(", ", sharedPackages) + "):\n  " + String.join("\n  ", problems));
            }
            Map<String, Path> libraries = new LinkedHashMap<>();
            selection.bundled().forEach((name, a) -> libraries.put(name, a.file()));
            Path zip = outputDirectory.toPath().resolve(finalName + ".zip");
            PluginZip.write(zip, classes, libraries, timestamp(outputTimestamp));
            getLog().info("Graft plugin " + manifest.id() + " " + manifest.version() + ": " + zip + " ("
                    + libraries.size() + " bundled jar" + (libraries.size() == 1 ? "" : "s") + ")");
            if (attach) {
                projectHelper.attachArtifact(project, "zip", null, zip.toFile());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot build the Graft plugin zip: " + e.getMessage(), e);
        }
    }

    private interface Check<T> {
        T get() throws IOException;
    }

    private static <T> T checked(Check<T> check) throws IOException, MojoFailureException {
        try {
            return check.get();
        } catch (IllegalStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private List<DependencyArtifact> dependencies() {
        List<DependencyArtifact> result = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() == null) {
                continue;
            }
            result.add(new DependencyArtifact(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(),
                    a.getClassifier() == null ? "" : a.getClassifier(), a.getType(),
                    a.getScope() == null ? "compile" : a.getScope(), a.getFile().toPath(),
                    a.getDependencyTrail() == null ? List.of() : a.getDependencyTrail()));
        }
        return result;
    }

    private Set<String> bomManaged() throws MojoFailureException {
        Set<String> managed = new HashSet<>();
        if (hostBom == null || hostBom.isBlank()) {
            return managed;
        }
        String[] parts = hostBom.trim().split(":");
        if (parts.length != 3) {
            throw new MojoFailureException("hostBom must be groupId:artifactId:version, found '" + hostBom + "'");
        }
        Artifact bom = new DefaultArtifact(parts[0], parts[1], parts[2], null, "pom", null,
                new DefaultArtifactHandler("pom"));
        ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
        request.setProcessPlugins(false);
        request.setResolveDependencies(false);
        try {
            MavenProject resolved = projectBuilder.build(bom, request).getProject();
            if (resolved.getDependencyManagement() != null) {
                for (Dependency d : resolved.getDependencyManagement().getDependencies()) {
                    managed.add(d.getGroupId() + ":" + d.getArtifactId());
                }
            }
        } catch (ProjectBuildingException e) {
            throw new MojoFailureException("cannot read the host BOM " + hostBom + ": " + e.getMessage(), e);
        }
        getLog().info("host BOM " + hostBom + " manages " + managed.size() + " artifacts");
        return managed;
    }

    /**
     * Reads Maven's {@code project.build.outputTimestamp}.
     *
     * @param value ISO-8601, seconds since the epoch, or empty
     * @return the local date-time zip entries carry (UTC)
     */
    static LocalDateTime timestamp(String value) {
        if (value == null || value.isBlank() || value.trim().length() < 2) {
            return LocalDateTime.of(1980, 1, 1, 0, 0);
        }
        String v = value.trim();
        Instant instant = v.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(v))
                : OffsetDateTime.parse(v).toInstant();
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
