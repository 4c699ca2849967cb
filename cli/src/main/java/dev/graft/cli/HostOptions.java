package dev.graft.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the commands are told about the host, as a host tells {@code PluginRuntime.Builder}: its
 * version, the packages it shares, its class path. A picocli mixin.
 */
public final class HostOptions {

    /** The host version used when {@code --host-version} is not given. */
    public static final String DEFAULT_HOST_VERSION = "0.0.0";

    @Option(names = "--host-version", paramLabel = "VERSION", defaultValue = DEFAULT_HOST_VERSION,
            description = "The host's version, checked against each plugin's 'requires' (default: ${DEFAULT-VALUE};"
                    + " a plugin that requires a host version then fails, saying which)")
    String hostVersion = DEFAULT_HOST_VERSION;

    @Option(names = "--shared", paramLabel = "PACKAGES", split = ",",
            description = "Packages the host shares with plugins (its API), comma-separated or repeated;"
                    + " 'name.*' covers subpackages")
    List<String> shared = new ArrayList<>();

    @Option(names = "--host", paramLabel = "CLASSPATH",
            description = "The host's class path (jars and folders, separated by the system's path separator, ':' or ';'):"
                    + " where shared packages and host fallback are looked up. Default: none, only the JDK")
    String hostClassPath = "";

    /**
     * Options given by a caller other than the command line (graft:verify).
     *
     * @param hostVersion the host's version
     * @param shared the packages the host shares
     * @param classPath the host's class path
     * @return the options
     */
    public static HostOptions of(String hostVersion, List<String> shared, List<Path> classPath) {
        HostOptions o = new HostOptions();
        o.hostVersion = hostVersion;
        o.shared = new ArrayList<>(shared);
        o.hostClassPath = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
        return o;
    }

    /** @return the host's version, checked against each plugin's {@code requires} */
    public String hostVersion() {
        return hostVersion;
    }

    /** @return the packages the host shares */
    public List<String> shared() {
        return List.copyOf(shared);
    }

    /** @return the host's class path entries, in order */
    public List<Path> hostClassPath() {
        List<Path> paths = new ArrayList<>();
        if (hostClassPath != null) {
            for (String entry : hostClassPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    paths.add(Path.of(entry));
                }
            }
        }
        return paths;
    }

    /**
     * A loader over the host's class path whose parent is the platform loader, so that it sees the
     * JDK and the given entries only, never the command line's own classes. Nothing is loaded
     * through it: the commands only ask it for class files.
     *
     * @param classPath jars and folders
     * @return the loader
     * @throws UncheckedIOException if an entry does not exist
     */
    public static URLClassLoader hostLoader(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            if (!Files.exists(p)) {
                throw new UncheckedIOException(new IOException("the host class path entry " + p + " does not exist"));
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(new IOException("bad host class path entry " + p + ": " + e.getMessage()));
            }
        }
        return new URLClassLoader("host", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
