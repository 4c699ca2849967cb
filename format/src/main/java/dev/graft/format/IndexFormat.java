package dev.graft.format;

import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.SyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return parse(text, source).all();
    }

    /**
     * Reads an index, checking all of it as {@link #read} does, but makes the descriptors of a
     * point only when {@link Parsed#extensions(String) asked for that point}: a host that looks up
     * one point of a thousand plugins makes the descriptors of that point only.
     *
     * @param text the index text
     * @param source the file it came from, named in errors
     * @return the checked index
     * @throws FormatException naming the file and line of the first problem
     */
    public static Parsed parse(String text, String source) {
        return parse(text, source, new NamePool());
    }

    /**
     * Reads an index as {@link #parse(String, String)} does, taking the names of its points from
     * {@code pool}, so that the indexes read with one pool share one string per point.
     *
     * @param text the index text
     * @param source the file it came from, named in errors
     * @param pool the pool the point names are taken from
     * @return the checked index
     * @throws FormatException naming the file and line of the first problem
     */
    public static Parsed parse(String text, String source, NamePool pool) {
        Builder parsed = new Builder();
        Set<String> points = new HashSet<>();
        Map<String, String> pointOf = new HashMap<>(); // each class and the point it was last listed under
        String point = null;
        Lines line = Lines.afterHeader(text, source, HEADER, VERSION);
        while (line.advance()) {
            if (line.is("extension")) {
                if (point == null) {
                    throw new FormatException(source, line.number(),
                            "expected a 'point <name>' line before the first extension, found '"
                                    + Lines.shorten(line.text()) + "'");
                }
                String className = extension(line, source, parsed);
                String earlier = pointOf.put(className, point);
                if (point.equals(earlier)) {
                    throw new FormatException(source, line.number(), "extension " + className
                            + " is listed twice under point " + point);
                } else if (earlier != null) {
                    parsed.classUnderSeveralPoints = true;
                }
            } else if (line.is("point")) {
                point = pool.canonical(binaryName(line, source, "point <binary name of the extension point>"));
                if (!points.add(point)) {
                    throw new FormatException(source, line.number(), "point " + point
                            + " is listed twice; list each point once, with all its extensions");
                }
                parsed.addPoint(point);
            } else if (line.is("dependency")) {
                if (!parsed.pointHasExtension()) {
                    throw new FormatException(source, line.number(),
                            "expected an 'extension' line before its dependency, found '"
                                    + Lines.shorten(line.text()) + "'");
                }
                parsed.addDependency(dependency(line, source), source, line.number());
            } else {
                throw new FormatException(source, line.number(),
                        "expected 'point', 'extension' or 'dependency', found '" + Lines.shorten(line.text()) + "'");
            }
        }
        return parsed.build();
    }

    private static String binaryName(Lines line, String source, String expected) {
        String name = line.value();
        if (!JavaNames.isBinaryName(name)) {
            throw new FormatException(source, line.number(),
                    "expected '" + expected + "', found '" + Lines.shorten(line.text()) + "'");
        }
        return name;
    }

    /**
     * {@code extension <class> ordinal=<n>}, read in place and recorded: the class name is the only
     * string cut.
     */
    private static String extension(Lines line, String source, Builder parsed) {
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
        if (value < 0) {
            try {
                value = Integer.parseInt(text, digits, end, 10);
            } catch (NumberFormatException e) {
                throw badExtension(line, source);
            }
        }
        parsed.addExtension(className, value);
        return className;
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

    /** An index being read: grows as lines are read, then {@link #build() trimmed} into a {@link Parsed}. */
    private static final class Builder {
        private final List<String> points = new ArrayList<>(4);
        private int[] firstOf = new int[4];
        private final StringBuilder classNames = new StringBuilder(256);
        private int[] ends = new int[8]; // where each class name ends in classNames
        private int[] ordinals = new int[8];
        private boolean ordered; // whether some ordinal is not 0
        private String lastClassName;
        private List<List<Dependency>> dependencies; // null while no extension has one
        private int size;
        private boolean classUnderSeveralPoints;

        private void addPoint(String point) {
            if (points.size() == firstOf.length) {
                firstOf = Arrays.copyOf(firstOf, firstOf.length * 2);
            }
            firstOf[points.size()] = size;
            points.add(point);
        }

        private void addExtension(String className, int ordinal) {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
                ordinals = Arrays.copyOf(ordinals, size * 2);
            }
            classNames.append(className);
            ends[size] = classNames.length();
            ordinals[size] = ordinal;
            ordered |= ordinal != 0;
            lastClassName = className;
            size++;
            if (dependencies != null) {
                dependencies.add(List.of());
            }
        }

        /** Whether the last point has an extension yet, for a dependency line to belong to. */
        private boolean pointHasExtension() {
            return !points.isEmpty() && firstOf[points.size() - 1] < size;
        }

        /** Adds a dependency to the last extension. */
        private void addDependency(Dependency d, String source, int number) {
            if (dependencies == null) {
                dependencies = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    dependencies.add(List.of());
                }
            }
            int last = size - 1;
            List<Dependency> own = dependencies.get(last);
            for (Dependency existing : own) {
                if (existing.pluginId().equals(d.pluginId())) {
                    throw new FormatException(source, number, "extension " + lastClassName
                            + " names dependency '" + d.pluginId() + "' twice");
                }
            }
            List<Dependency> more = new ArrayList<>(own);
            more.add(d);
            dependencies.set(last, more);
        }

        /** The index, its arrays cut to size: it is kept for as long as its plugin is loaded. */
        private Parsed build() {
            return new Parsed(List.copyOf(points), Arrays.copyOf(firstOf, points.size()),
                    classNames.toString(), Arrays.copyOf(ends, size),
                    ordered ? Arrays.copyOf(ordinals, size) : null,
                    dependencies == null ? null : List.copyOf(dependencies), classUnderSeveralPoints);
        }
    }

    /**
     * A checked index: its points in file order and, per point, its extensions, kept as names and
     * numbers until a point's descriptors are asked for. Immutable.
     */
    public static final class Parsed {
        /** An index that lists nothing, for a plugin without one. */
        public static final Parsed EMPTY = new Builder().build();

        private final List<String> points;
        private final int[] firstOf;
        // The class names, one after the other in one string, each cut out when its point is asked
        // for: one string instead of one per class kept 0.30 KB less a plugin at N=1000 (measured).
        private final String classNames;
        private final int[] ends; // where each class name ends in classNames
        private final int[] ordinals; // null when every ordinal is 0, as in most indexes: 0.06 KB less a plugin (measured)
        private final List<List<Dependency>> dependencies; // null when no extension has one
        private final boolean classUnderSeveralPoints;

        private Parsed(List<String> points, int[] firstOf, String classNames, int[] ends, int[] ordinals,
                List<List<Dependency>> dependencies, boolean classUnderSeveralPoints) {
            this.points = points;
            this.firstOf = firstOf;
            this.classNames = classNames;
            this.ends = ends;
            this.ordinals = ordinals;
            this.dependencies = dependencies;
            this.classUnderSeveralPoints = classUnderSeveralPoints;
        }

        /** @return the points, in file order */
        public List<String> points() {
            return points;
        }

        /** @return whether some class is listed under more than one point (one class extending two points) */
        public boolean hasClassUnderSeveralPoints() {
            return classUnderSeveralPoints;
        }

        /**
         * The descriptors of one point, made now.
         *
         * @param point the binary name of the point
         * @return its extensions, in file order; empty if the index does not list the point
         */
        public List<ExtensionDescriptor> extensions(String point) {
            int p = points.indexOf(point);
            return p < 0 ? List.of() : descriptors(p);
        }

        /**
         * The descriptors of one point, made now.
         *
         * @param position the point's position in {@link #points()}
         * @return its extensions, in file order
         * @throws IndexOutOfBoundsException if there is no point at {@code position}
         */
        public List<ExtensionDescriptor> extensions(int position) {
            Objects.checkIndex(position, points.size());
            return descriptors(position);
        }

        /** @return every descriptor, in file order */
        public List<ExtensionDescriptor> all() {
            List<ExtensionDescriptor> all = new ArrayList<>(ends.length);
            for (int p = 0; p < points.size(); p++) {
                all.addAll(descriptors(p));
            }
            return all;
        }

        private List<ExtensionDescriptor> descriptors(int p) {
            int from = firstOf[p];
            int to = p + 1 < points.size() ? firstOf[p + 1] : ends.length;
            List<ExtensionDescriptor> result = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                result.add(new ExtensionDescriptor(points.get(p), className(i), ordinals == null ? 0 : ordinals[i],
                        dependencies == null ? List.of() : dependencies.get(i)));
            }
            return result;
        }

        private String className(int i) {
            return classNames.substring(i == 0 ? 0 : ends[i - 1], ends[i]);
        }
    }
}
