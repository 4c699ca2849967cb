package dev.graft.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The plugin folder a command reads, its first parameter, with the host it is read for: the part
 * {@code list}, {@code explain} and {@code conflicts} share. A picocli mixin.
 */
final class PluginFolder {

    @Parameters(index = "0", paramLabel = "DIR", description = "The plugin folder")
    Path folder;

    @Mixin
    HostOptions host;

    /** @return a runtime over the folder, as the host would build it ({@link FolderRuntime}) */
    FolderRuntime open() {
        return FolderRuntime.open(List.of(folder), List.of(), host);
    }

    /** @return what the commands are told about the host */
    HostOptions host() {
        return host;
    }
}
