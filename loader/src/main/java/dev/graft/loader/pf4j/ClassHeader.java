package dev.graft.loader.pf4j;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Graft reads from a class file without defining the class: its version, name, superclass,
 * interfaces, and the integer elements of its runtime-visible class annotations. Used to find the
 * extension points of pf4j extensions (whose index lists classes, not points) and to name the Java
 * version a plugin needs.
 *
 * @param major the class-file major version ({@code 61} for Java 17)
 * @param name the internal name, {@code com/example/Foo}
 * @param superName the internal name of the superclass, or {@code null} for {@code java/lang/Object}
 * @param interfaces the internal names of the direct interfaces
 * @param annotationInts per annotation descriptor ({@code Lorg/pf4j/Extension;}), its int elements
 */
public record ClassHeader(int major, String name, String superName, List<String> interfaces,
        Map<String, Map<String, Integer>> annotationInts) {

    private static final int MAGIC = 0xCAFEBABE;

    /**
     * How deep annotation values (nested annotations and arrays) may nest, counting the outermost
     * annotation as 1. javac writes them as deep as the source nests them, a few levels; HotSpot 17
     * itself crashes defining a class nested 50,000 deep, so Graft refuses such a class before it
     * could list it as an extension.
     */
    public static final int MAX_NESTING = 64;

    /**
     * The Java feature release that a class-file major version needs: 61 is Java 17.
     *
     * @param major the class-file major version
     * @return the Java feature release
     */
    public static int javaRelease(int major) {
        return major - 44;
    }

    /**
     * Reads only the version of a class file: its first eight bytes.
     *
     * @param bytes the class file, or at least its first eight bytes
     * @return the major version
     * @throws IOException if the bytes are not a class file
     */
    public static int majorVersion(byte[] bytes) throws IOException {
        if (bytes.length < 8 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new IOException("not a class file (bad magic number)");
        }
        return ByteBuffer.wrap(bytes, 6, 2).getShort() & 0xFFFF;
    }

    /**
     * Parses a class file's header and class attributes. Nothing is allocated from a count or a
     * length the file declares before the bytes it claims are known to be there, and annotation
     * values nested deeper than {@link #MAX_NESTING} are refused, so any input costs memory and
     * stack in proportion to its size, at most.
     *
     * @param bytes the class file
     * @return the header
     * @throws IOException if the bytes are not a well-formed class file, or nest annotations too deep
     */
    public static ClassHeader parse(byte[] bytes) throws IOException {
        try {
            return new Parser(ByteBuffer.wrap(bytes)).parse();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException
                | IllegalArgumentException e) {
            throw new IOException("malformed class file: " + e, e);
        }
    }

    private static final class Parser {
        private final ByteBuffer in;
        private Object[] pool;

        Parser(ByteBuffer in) {
            this.in = in;
        }

        ClassHeader parse() throws IOException {
            if (in.getInt() != MAGIC) {
                throw new IOException("not a class file (bad magic number)");
            }
            u2(); // minor
            int major = u2();
            readPool();
            u2(); // access flags
            String name = className(u2());
            int superIndex = u2();
            String superName = superIndex == 0 ? null : className(superIndex);
            int count = u2();
            need(2L * count, "the interface list declares " + count + " interfaces");
            List<String> interfaces = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                interfaces.add(className(u2()));
            }
            skipMembers(); // fields
            skipMembers(); // methods
            Map<String, Map<String, Integer>> annotations = new HashMap<>();
            int attributes = u2();
            for (int i = 0; i < attributes; i++) {
                String attribute = utf8(u2());
                long length = in.getInt() & 0xFFFFFFFFL;
                need(length, "attribute " + attribute + " declares " + length + " bytes");
                if (attribute.equals("RuntimeVisibleAnnotations")) {
                    int start = in.position();
                    int n = u2();
                    for (int a = 0; a < n; a++) {
                        readAnnotation(annotations, true, 1, name);
                    }
                    if (in.position() - start != length) {
                        throw new IOException("malformed class file: attribute " + attribute + " declares " + length
                                + " bytes, but its annotations take " + (in.position() - start));
                    }
                } else {
                    skip((int) length);
                }
            }
            return new ClassHeader(major, name, "java/lang/Object".equals(superName) ? null : superName,
                    List.copyOf(interfaces), annotations);
        }

        private void readPool() throws IOException {
            int count = u2();
            // every constant takes at least 3 bytes
            need(3L * (count - 1), "the constant pool declares " + (count - 1) + " constants");
            pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.get() & 0xFF;
                switch (tag) {
                    case 1 -> {
                        int length = u2();
                        need(length, "constant " + i + " declares a string of " + length + " bytes");
                        byte[] b = new byte[length];
                        in.get(b);
                        pool[i] = new java.io.DataInputStream(new java.io.ByteArrayInputStream(withLength(b))).readUTF();
                    }
                    case 3 -> pool[i] = in.getInt();
                    case 4 -> skip(4);
                    case 5, 6 -> {
                        skip(8);
                        i++;
                    }
                    case 7 -> pool[i] = new ClassRef(u2());
                    case 8, 16, 19, 20 -> skip(2);
                    case 9, 10, 11, 12, 17, 18 -> skip(4);
                    case 15 -> skip(3);
                    default -> throw new IOException("malformed class file: unknown constant-pool tag " + tag);
                }
            }
        }

        private static byte[] withLength(byte[] b) {
            byte[] r = new byte[b.length + 2];
            r[0] = (byte) (b.length >>> 8);
            r[1] = (byte) b.length;
            System.arraycopy(b, 0, r, 2, b.length);
            return r;
        }

        /** Reads one annotation at {@code depth}: the outermost annotation of an attribute is at 1. */
        private void readAnnotation(Map<String, Map<String, Integer>> out, boolean record, int depth, String className)
                throws IOException {
            if (depth > MAX_NESTING) {
                throw new IOException("annotation values of class " + className + " are nested deeper than " + MAX_NESTING);
            }
            String type = utf8(u2());
            Map<String, Integer> ints = new HashMap<>();
            int pairs = u2();
            for (int p = 0; p < pairs; p++) {
                String element = utf8(u2());
                int tag = in.get() & 0xFF;
                if (tag == 'I' && pool[peekU2()] instanceof Integer value) {
                    u2();
                    ints.put(element, value);
                } else {
                    skipElementValue(tag, depth + 1, className);
                }
            }
            if (record) {
                out.put(type, ints);
            }
        }

        /** Skips an element value at {@code depth}, that of the annotation or array holding it plus one. */
        private void skipElementValue(int tag, int depth, String className) throws IOException {
            switch (tag) {
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> u2();
                case 'e' -> skip(4);
                case '@' -> readAnnotation(null, false, depth, className);
                case '[' -> {
                    if (depth > MAX_NESTING) {
                        throw new IOException("annotation values of class " + className + " are nested deeper than "
                                + MAX_NESTING);
                    }
                    int n = u2();
                    for (int i = 0; i < n; i++) {
                        skipElementValue(in.get() & 0xFF, depth + 1, className);
                    }
                }
                default -> throw new IllegalArgumentException("unknown element-value tag " + tag);
            }
        }

        private void skipMembers() {
            int count = u2();
            for (int i = 0; i < count; i++) {
                skip(6);
                int attributes = u2();
                for (int a = 0; a < attributes; a++) {
                    skip(2);
                    skip(in.getInt());
                }
            }
        }

        private String className(int index) {
            if (!(pool[index] instanceof ClassRef ref)) {
                throw new IllegalArgumentException("constant " + index + " is not a class");
            }
            return utf8(ref.nameIndex());
        }

        private String utf8(int index) {
            if (!(pool[index] instanceof String s)) {
                throw new IllegalArgumentException("constant " + index + " is not a string");
            }
            return s;
        }

        /** Fails unless {@code bytes} more bytes follow, before anything is allocated for them. */
        private void need(long bytes, String what) throws IOException {
            if (bytes > in.remaining()) {
                throw new IOException("malformed class file: " + what + ", but only " + in.remaining() + " bytes follow");
            }
        }

        private int u2() {
            return in.getShort() & 0xFFFF;
        }

        private int peekU2() {
            return in.getShort(in.position()) & 0xFFFF;
        }

        private void skip(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative length");
            }
            in.position(in.position() + n);
        }
    }

    private record ClassRef(int nameIndex) {
    }
}
