package dev.graft.loader.archive;

/**
 * The names that ask a class loader for a directory, as class-path scanning does ({@code
 * getResources("com/example/")}): a name ending in {@code /}, and the empty name, which is the root.
 * A plugin answers only those made of non-empty segments other than {@code .} and {@code ..}; the
 * root itself is never one of its directories. The check is one pass over the name, so a hostile
 * name costs its length and nothing more.
 */
public final class DirectoryName {

    private DirectoryName() {
    }

    /**
     * @param name a resource name
     * @return whether it names a directory: empty, or ending in {@code /}
     */
    public static boolean isDirectory(String name) {
        return name.isEmpty() || name.charAt(name.length() - 1) == '/';
    }

    /**
     * @param name a directory name, ending in {@code /}
     * @return whether a plugin answers it: segments that are not empty, {@code .} or {@code ..}
     */
    public static boolean isAnswerable(String name) {
        int n = name.length();
        if (n < 2 || name.charAt(n - 1) != '/') {
            return false;
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (name.charAt(i) == '/') {
                if (i == start || isDots(name, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Whether the segment from {@code start} to {@code end} is {@code .} or {@code ..}. */
    private static boolean isDots(String name, int start, int end) {
        int length = end - start;
        return name.charAt(start) == '.' && (length == 1 || (length == 2 && name.charAt(start + 1) == '.'));
    }
}
