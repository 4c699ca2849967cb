package dev.graft.spring.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code graft.*} options of a Spring Boot host, bound from its {@code application.yml}:
 *
 * <pre>{@code
 * graft:
 *   plugins:
 *     directory: plugins
 *   host-version: 4.0.0
 *   shared-packages: [com.example.host.api]
 * }</pre>
 *
 * Spring's own packages and the Jakarta contracts its beans use ({@link #DEFAULT_SHARED}) are
 * always shared, so that a plugin's beans and the host agree on every Spring type.
 */
public class GraftProperties {

    /** Shared with every plugin in addition to {@link #getSharedPackages()}. */
    public static final List<String> DEFAULT_SHARED = List.of("org.springframework.*", "jakarta.annotation.*",
            "jakarta.inject.*", "jakarta.servlet.*");

    private final Plugins plugins = new Plugins();
    private String hostVersion = "0.0.0";
    private List<String> sharedPackages = new ArrayList<>();
    private boolean hostFallback = true;
    private List<String> disabled = new ArrayList<>();
    private Path cacheDirectory;
    private long cacheMaxBytes = 1L << 30;

    /** @return the plugin folder options */
    public Plugins getPlugins() {
        return plugins;
    }

    /** @return the host version plugins' {@code requires} ranges are checked against */
    public String getHostVersion() {
        return hostVersion;
    }

    /** @param hostVersion the host version */
    public void setHostVersion(String hostVersion) {
        this.hostVersion = hostVersion;
    }

    /** @return the host's API packages plugins share ({@code name.*} covers subpackages) */
    public List<String> getSharedPackages() {
        return sharedPackages;
    }

    /** @param sharedPackages the host's API packages */
    public void setSharedPackages(List<String> sharedPackages) {
        this.sharedPackages = sharedPackages;
    }

    /** @return whether lookups no plugin source answers go to the host's class loader (default on) */
    public boolean isHostFallback() {
        return hostFallback;
    }

    /** @param hostFallback whether lookups fall back to the host */
    public void setHostFallback(boolean hostFallback) {
        this.hostFallback = hostFallback;
    }

    /** @return the ids of plugins not to load */
    public List<String> getDisabled() {
        return disabled;
    }

    /** @param disabled the ids of plugins not to load */
    public void setDisabled(List<String> disabled) {
        this.disabled = disabled;
    }

    /** @return the library cache folder, or {@code null} for the default ({@code .graft-cache} in the plugin folder) */
    public Path getCacheDirectory() {
        return cacheDirectory;
    }

    /** @param cacheDirectory the library cache folder */
    public void setCacheDirectory(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** @return the bound of the library cache, in bytes (default 1 GiB) */
    public long getCacheMaxBytes() {
        return cacheMaxBytes;
    }

    /** @param cacheMaxBytes the bound of the library cache */
    public void setCacheMaxBytes(long cacheMaxBytes) {
        this.cacheMaxBytes = cacheMaxBytes;
    }

    /** The plugin folder. */
    public static class Plugins {
        private Path directory;

        /** @return the folder plugins are loaded from; without it Graft is not configured */
        public Path getDirectory() {
            return directory;
        }

        /** @param directory the plugin folder */
        public void setDirectory(Path directory) {
            this.directory = directory;
        }
    }
}
