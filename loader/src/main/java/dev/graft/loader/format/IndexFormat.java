package dev.graft.loader.format;

import dev.graft.loader.Dependency;
import dev.graft.loader.ExtensionDescriptor;
import dev.graft.loader.SyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the extension index, {@code META-INF/graft/extensions.idx}: a text file keyed
 * by extension point, specified in {@code docs/index-format.md}.
 *
 * <pre>
 * graft-index 1
 *
 * point com.example.api.Greeter
 *   extension com.example.hello.HelloGreeter ordinal=0
 *   extension com.example.hello.LoudGreeter ordinal=20
 *     dependency lavasearch@^1.0.0
 * </pre>
 */
public final class IndexFormat {

    /** Where the index lies in a plugin's classes. */
    public static final String PATH = "META-INF/graft/extensions.idx";
    /** The header keyword. */
    public static final String HEADER = "graft-index";
    /** The format version this class reads and writes. */
    public static final int VERSION = 1;

    /** By point, ordinal, class name; only {@link #write} needs it, so reading never builds it. */
    private static final class Order {
        static final Comparator<ExtensionDescriptor> ORDER = Comparator
                .comparing(ExtensionDescriptor::point)
                .thenComparingInt(ExtensionDescriptor::ordinal)
                .thenComparing(ExtensionDescriptor::className);
    }

    private static final String ORDINAL = "ordinal=";

    private IndexFormat() {
    }

    /**
     * Writes an index. The output depends only on the set of descriptors: points are sorted by
     * name, the extensions of a point by ordinal and then class name, dependencies by plugin id.
     *
     * @param extensions the entries, in any order
     * @return the index text, lines ending in {@code \n}
     */
    public static String write(List<ExtensionDescriptor> extensions) {
        List<ExtensionDescriptor> sorted = new ArrayList<>(extensions);
        sorted.sort(Order.ORDER);
        StringBuilder out = new StringBuilder()
                .append("# Graft extension index. Format: docs/index-format.md\n")
                .append(HEADER).append(' ').append(VERSION).append('\n');
        String point = null;
        for (ExtensionDescriptor e : sorted) {
            if (!e.point().equals(point)) {
                point = e.point();
                out.append('\n').append("point ").append(point).append('\n');
            }
            out.append("  extension ").append(e.className()).append(" ordinal=").append(e.ordinal()).append('\n');
            e.dependencies().stream()
                    .sorted(Comparator.comparing(Dependency::pluginId))
                    .forEach(d -> out.append("    dependency ").append(d).append('\n'));
        }
        return out.toString();
    }

    /**
     * Reads an index.
     *
     * @param text the index text
     * @param source the file it came from, named in errors
     * @return the entries, in file order
     * @throws FormatException naming the file and line of the first problem
     */
    public static List<ExtensionDescriptor> read(String text, String source) {
        List<ExtensionDescriptor> result = new ArrayList<>();
        Set<String> points = new HashSet<>();
        Set<String> seen = new HashSet<>();
        String point = null;
        Pending pending = null;
        Lines line = Lines.afterHeader(text, source, HEADER, VERSION);
        while (line.advance()) {
            if (line.is("extension")) {
                if (point == null) {
                    throw new FormatException(source, line.number(),
                            "expected a 'point <name>' line before the first extension, found '"
                                    + Lines.shorten(line.text()) + "'");
                }
                if (pending != null) {
                    result.add(pending.build());
                }
                pending = extension(line, source, point);
                if (!seen.add(pending.className)) {
                    throw new FormatException(source, line.number(), "extension " + pending.className
                            + " is listed twice under point " + point);
                }
            } else if (line.is("point")) {
                if (pending != null) {
                    result.add(pending.build());
                    pending = null;
                }
                point = binaryName(line, source, "point <binary name of the extension point>");
                if (!points.add(point)) {
                    throw new FormatException(source, line.number(), "point " + point
                            + " is listed twice; list each point once, with all its extensions");
                }
                seen.clear();
            } else if (line.is("dependency")) {
                if (pending == null) {
                    throw new FormatException(source, line.number(),
                            "expected an 'extension' line before its dependency, found '"
                                    + Lines.shorten(line.text()) + "'");
                }
                pending.add(dependency(line, source), source, line.number());
            } else {
                throw new FormatException(source, line.number(),
                        "expected 'point', 'extension' or 'dependency', found '" + Lines.shorten(line.text()) + "'");
            }
        }
        if (pending != null) {
            result.add(pending.build());
        }
        return result;
    }

    private static String binaryName(Lines line, String source, String expected) {
        String name = line.value();
        if (!JavaNames.isBinaryName(name)) {
            throw new FormatException(source, line.number(),
                    "expected '" + expected + "', found '" + Lines.shorten(line.text()) + "'");
        }
        return name;
    }

    /** {@code extension <class> ordinal=<n>}, read in place: the class name is the only string cut. */
    private static Pending extension(Lines line, String source, String point) {
        String text = line.file();
        int start = line.valueStart();
        int end = line.end();
        int nameEnd = JavaNames.binaryNameEnd(text, start, end); // found and checked in one pass
        if (nameEnd < 0) {
            throw badExtension(line, source);
        }
        String className = text.substring(start, nameEnd);
        int ordinal = Lines.skipWhitespace(text, nameEnd, end);
        if (!text.startsWith(ORDINAL, ordinal) || ordinal + ORDINAL.length() > end) {
            throw badExtension(line, source);
        }
        int digits = ordinal + ORDINAL.length();
        int value = Lines.digits(text, digits, end);
        if (value >= 0) {
            return new Pending(point, className, value);
        }
        try {
            return new Pending(point, className, Integer.parseInt(text, digits, end, 10));
        } catch (NumberFormatException e) {
            throw badExtension(line, source);
        }
    }

    private static FormatException badExtension(Lines line, String source) {
        return new FormatException(source, line.number(), "expected 'extension <binary class name> ordinal=<integer>',"
                + " found '" + Lines.shorten(line.text()) + "'");
    }

    private static Dependency dependency(Lines line, String source) {
        Dependency d;
        try {
            d = Dependency.parse(line.value());
        } catch (SyntaxException e) {
            throw new FormatException(source, line.number(), "expected 'dependency " + Dependency.SYNTAX
                    + "', found " + e.getMessage());
        }
        if (d.optional()) {
            throw new FormatException(source, line.number(),
                    "expected a required dependency, found optional '" + Lines.shorten(line.value()) + "'");
        }
        return d;
    }

    /** An extension line whose dependency lines are still being read. */
    private static final class Pending {
        final String point;
        final String className;
        final int ordinal;
        List<Dependency> dependencies; // most extensions have none: created on the first

        Pending(String point, String className, int ordinal) {
            this.point = point;
            this.className = className;
            this.ordinal = ordinal;
        }

        void add(Dependency d, String source, int number) {
            if (dependencies == null) {
                dependencies = new ArrayList<>(2);
            }
            for (Dependency existing : dependencies) {
                if (existing.pluginId().equals(d.pluginId())) {
                    throw new FormatException(source, number, "extension " + className
                            + " names dependency '" + d.pluginId() + "' twice");
                }
            }
            dependencies.add(d);
        }

        ExtensionDescriptor build() {
            return new ExtensionDescriptor(point, className, ordinal, dependencies == null ? List.of() : dependencies);
        }
    }
}
