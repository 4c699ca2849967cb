package dev.graft.maven;

import dev.graft.format.FormatException;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that graft-processor ran: the plugin's classes must hold the manifest and the index it
 * writes. Without them the zip would be refused by every Graft host, so the build fails instead,
 * showing the configuration to add.
 */
public final class ProcessorOutput {

    /** The compiler configuration a plugin needs, as docs/processor.md shows it. */
    public static final String SNIPPET = """
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <annotationProcessorPaths>
                  <path>
                    <groupId>dev.graft</groupId>
                    <artifactId>graft-processor</artifactId>
                    <version>${graft.version}</version>
                  </path>
                </annotationProcessorPaths>
                <compilerArgs>
                  <arg>-Agraft.version=${project.version}</arg>
                </compilerArgs>
              </configuration>
            </plugin>""";

    private ProcessorOutput() {
    }

    /**
     * Reads the manifest the processor wrote.
     *
     * @param classes the plugin's class output directory
     * @return the manifest
     * @throws IllegalStateException naming what is missing and showing the configuration to add, or
     *     naming the file and line of a malformed manifest
     * @throws IOException if a file cannot be read
     */
    public static PluginManifest check(Path classes) throws IOException {
        Path manifest = classes.resolve(ManifestFormat.PATH);
        Path index = classes.resolve(IndexFormat.PATH);
        boolean hasManifest = Files.isRegularFile(manifest);
        boolean hasIndex = Files.isRegularFile(index);
        if (!hasManifest || !hasIndex) {
            String found = hasManifest ? "found " + manifest + " but no " + IndexFormat.PATH
                    : hasIndex ? "found " + index + " but no " + ManifestFormat.PATH
                    : "found neither " + ManifestFormat.PATH + " nor " + IndexFormat.PATH;
            throw new IllegalStateException("Graft plugin metadata is missing in " + classes + ": " + found
                    + ". The Graft annotation processor did not run, or this project has no @Plugin declaration"
                    + " (a package-info.java with @dev.graft.Plugin(id = \"...\")). Add graft-processor to the"
                    + " maven-compiler-plugin of this project:\n" + SNIPPET);
        }
        try {
            return ManifestFormat.read(Files.readString(manifest), manifest.toString());
        } catch (FormatException e) {
            throw new IllegalStateException("malformed Graft manifest: " + e.getMessage(), e);
        }
    }
}
