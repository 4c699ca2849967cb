package dev.graft.loader.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The folder of a {@link LibraryCache}, checked before anything in it is trusted: it is created
 * readable and writable by the host's user only (POSIX {@code 0700}), and an existing folder is
 * refused when it is a symbolic link, is not a directory, belongs to another user, or can be
 * written by its group or by others. On a file system without POSIX permissions only the owner is
 * checked (where the file system reports one). {@code docs/class-loading.md} records the design.
 */
final class CacheFolder {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path dir;

    CacheFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The default cache folder: {@code .graft-cache} in the first plugin folder when there is one,
     * else {@code $XDG_CACHE_HOME/graft} (when that is an absolute path), else
     * {@code ${user.home}/.cache/graft}. Never the shared temporary folder.
     *
     * @param firstPluginFolder the first plugin folder, or {@code null}
     * @param xdgCacheHome the value of {@code XDG_CACHE_HOME}, or {@code null}
     * @param userHome the value of {@code user.home}
     * @return the folder
     */
    static Path defaultFolder(Path firstPluginFolder, String xdgCacheHome, String userHome) {
        if (firstPluginFolder != null) {
            return firstPluginFolder.resolve(".graft-cache");
        }
        if (xdgCacheHome != null && !xdgCacheHome.isEmpty() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "graft");
        }
        return Path.of(userHome, ".cache", "graft");
    }

    /**
     * Creates the folder (owner-only) if it is missing, then checks it.
     *
     * @throws IOException naming the folder and what is wrong with it
     */
    void secure() throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot create the library cache folder " + dir + ": " + cause(e)
                    + " at or above " + parent, e);
        }
        try {
            create();
        } catch (FileAlreadyExistsException e) {
            // someone (another process, or an earlier run) made it: check it below
        } catch (IOException e) {
            throw new IOException("cannot create the library cache folder " + dir + ": " + cause(e), e);
        }
        check();
    }

    private void create() throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // the umask may have removed bits the attribute asked for, never added any
        } else {
            Files.createDirectory(dir);
        }
    }

    private void check() throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw refused("is a symbolic link (to " + Files.readSymbolicLink(dir) + "); give the real folder instead");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refused("is a file, not a folder");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            PosixFileAttributes attributes = posix.readAttributes();
            checkOwner(attributes.owner());
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw refused("can be written by other users (permissions " + PosixFilePermissions.toString(permissions)
                        + "); it must be writable by its owner only (chmod 700)");
            }
            return;
        }
        FileOwnerAttributeView owner = Files.getFileAttributeView(dir, FileOwnerAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (owner != null) {
            checkOwner(owner.getOwner());
        }
    }

    private void checkOwner(UserPrincipal owner) throws IOException {
        UserPrincipal me = CurrentUser.get();
        if (me != null && !me.equals(owner)) {
            throw refused("belongs to " + owner.getName() + ", not to " + me.getName() + ", the user running the host");
        }
    }

    private IOException refused(String why) {
        return new IOException("the library cache folder " + dir + " " + why);
    }

    /** The cause of a failure to write in the cache, in words, followed by the JDK's message. */
    static String cause(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : message;
        String words;
        if (reason.contains("No space left") || reason.contains("Disk quota")) {
            words = "the disk is full";
        } else if (reason.contains("Read-only file system")) {
            words = "the file system is read-only";
        } else if (e instanceof AccessDeniedException) {
            words = "the folder is not writable";
        } else if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                || reason.contains("Not a directory")) {
            words = "a file is where a folder should be";
        } else if (e instanceof NoSuchFileException) {
            words = "the folder does not exist";
        } else {
            return e.getClass().getSimpleName() + ": " + message;
        }
        return words + " (" + e.getClass().getSimpleName() + ": " + message + ")";
    }

    /** The user this process runs as, learnt once from a file it creates. */
    private static final class CurrentUser {
        private static final UserPrincipal USER = find();

        static UserPrincipal get() {
            return USER;
        }

        private static UserPrincipal find() {
            try {
                Path probe = Files.createTempFile("graft-owner-", ".tmp");
                try {
                    return Files.getOwner(probe, LinkOption.NOFOLLOW_LINKS);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | UnsupportedOperationException e) {
                try {
                    return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                            .lookupPrincipalByName(System.getProperty("user.name"));
                } catch (IOException | UnsupportedOperationException e2) {
                    return null; // the owner cannot be checked; the permissions still are
                }
            }
        }
    }
}
