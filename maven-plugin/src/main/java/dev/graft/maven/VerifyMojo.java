package dev.graft.maven;

import dev.graft.cli.HostOptions;
import dev.graft.cli.verify.Problem;
import dev.graft.cli.verify.Report;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Verifies that every class, method and field the plugin's own classes reference resolves against
 * the host API, as {@code graft verify} does (docs/cli.md): the host's class path is the project's
 * {@code provided} dependencies, the plugin is the zip graft:package wrote (or, without one, the
 * classes and runtime jars). Fails the build with the report when a reference does not resolve;
 * references made only by an extension whose dependency is absent are logged as warnings.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The plugin's compiled classes, verified when there is no zip. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** Where graft:package wrote the zip. */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /** The zip's name, without {@code .zip}. */
    @Parameter(defaultValue = "${project.build.finalName}", required = true)
    private String finalName;

    /** The host's version, checked against the plugin's {@code requires}. */
    @Parameter(defaultValue = HostOptions.DEFAULT_HOST_VERSION, property = "graft.hostVersion")
    private String hostVersion;

    /** The packages the host shares with plugins, as in graft:package. */
    @Parameter
    private List<String> sharedPackages = new ArrayList<>();

    /** A folder of the plugins installed with this one, whose exports it may use. */
    @Parameter(property = "graft.plugins")
    private File pluginsDirectory;

    /** Skips the goal. */
    @Parameter(defaultValue = "false", property = "graft.verify.skip")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || "pom".equals(project.getPackaging())) {
            getLog().info("graft:verify skipped");
            return;
        }
        List<Path> provided = new ArrayList<>();
        List<Path> runtime = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (a.getFile() == null) {
                continue;
            }
            if (Artifact.SCOPE_PROVIDED.equals(a.getScope())) {
                provided.add(a.getFile().toPath());
            } else if (a.getArtifactHandler().isAddedToClasspath() && !Artifact.SCOPE_TEST.equals(a.getScope())
                    && !Artifact.SCOPE_SYSTEM.equals(a.getScope())) {
                runtime.add(a.getFile().toPath());
            }
        }
        try {
            Report report = PluginVerification.verify(outputDirectory.toPath().resolve(finalName + ".zip"),
                    classesDirectory.toPath(), runtime, HostOptions.of(hostVersion, sharedPackages, provided),
                    pluginsDirectory == null ? null : pluginsDirectory.toPath());
            getLog().info("graft:verify: " + report.summary());
            for (Problem p : report.problems()) {
                getLog().warn("graft:verify: " + p);
            }
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("graft:verify cannot read its input: " + e.getMessage(), e);
        }
    }
}
