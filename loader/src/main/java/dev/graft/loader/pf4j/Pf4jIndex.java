package dev.graft.loader.pf4j;

import dev.graft.format.FormatException;
import dev.graft.format.JavaNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pf4j's extension index, {@code META-INF/extensions.idx}: one class name per line, blank
 * lines and {@code #} comments ignored. It names classes only; their points are found later from
 * the class files. The one reader of this file, for archives and for plain class loaders alike.
 */
public final class Pf4jIndex {

    /** Where pf4j's annotation processor writes the index. */
    public static final String PATH = "META-INF/extensions.idx";

    private Pf4jIndex() {
    }

    /**
     * Reads the class names of an index.
     *
     * @param text the file's content
     * @param source the file, named in errors
     * @return the class names, in file order
     * @throws FormatException naming the line that is not a binary class name
     */
    public static List<String> read(String text, String source) {
        List<String> classNames = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!JavaNames.isBinaryName(name)) {
                throw new FormatException(source, number, "expected a class name, found '" + name + "'");
            }
            classNames.add(name);
        }
        return List.copyOf(classNames);
    }
}
