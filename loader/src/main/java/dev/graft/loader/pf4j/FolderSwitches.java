package dev.graft.loader.pf4j;

import dev.graft.loader.archive.BoundedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * pf4j's switch files in a plugin folder: {@code disabled.txt} lists plugin ids not to load,
 * {@code enabled.txt}, when present, the only ones to load; one id a line, {@code #} comments and
 * blank lines ignored, and {@code disabled.txt} wins, as in pf4j's {@code DefaultPluginStatusProvider}.
 * A switch file that cannot be read (not a regular file, larger than the runtime's entry limit,
 * unreadable) disables every plugin of its folder with the reason: it is the administrator's
 * instruction, and guessing it the other way could load what was switched off. Each folder's files
 * are read once per load.
 */
public final class FolderSwitches {

    private static final String DISABLED = "disabled.txt";
    private static final String ENABLED = "enabled.txt";

    /** One folder's switches: the ids of each file, or why it cannot be honoured. */
    private record Folder(Set<String> disabled, Set<String> enabled, String problem) {
    }

    private final long maxBytes;
    private final Map<Path, Folder> folders = new HashMap<>();

    /** @param maxBytes the most bytes read of one switch file */
    public FolderSwitches(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param source a plugin's file or directory
     * @param id its id
     * @return why the switch files of its folder disable it, or {@code null} when they do not
     */
    public String reason(Path source, String id) {
        Path dir = source.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        Folder f = folders.computeIfAbsent(dir, this::read);
        if (f.problem() != null) {
            return f.problem();
        }
        if (f.disabled() != null && f.disabled().contains(id)) {
            return "listed in " + dir.resolve(DISABLED);
        }
        if (f.enabled() != null && !f.enabled().contains(id)) {
            return "not listed in " + dir.resolve(ENABLED) + ", which names the only plugins of its folder to load";
        }
        return null;
    }

    private Folder read(Path dir) {
        try {
            return new Folder(ids(dir.resolve(DISABLED)), ids(dir.resolve(ENABLED)), null);
        } catch (IOException e) {
            return new Folder(null, null, e.getMessage());
        }
    }

    /** The ids a switch file lists, or {@code null} when there is no such file. */
    private Set<String> ids(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(problem(file, "it is not a regular file"));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = BoundedReader.readAll(in, -1, maxBytes, file.toString());
        } catch (IOException e) {
            throw new IOException(problem(file, e.getMessage()), e);
        }
        Set<String> ids = new HashSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String problem(Path file, String what) {
        return "cannot honour " + file + ": " + what + "; no plugin of its folder loads until it is fixed";
    }
}
