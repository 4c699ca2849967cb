package dev.graft.loader.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hand-written class files for hostile tests: shapes javac never produces, such as an annotation
 * nested 200,000 deep or counts and lengths that claim more bytes than the file has.
 */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * A public class with no members that implements one interface and carries
     * {@code @org.pf4j.Extension(value = @p.Nest(value = @p.Nest(...)))} nested {@code depth} deep.
     * The JVM itself cannot define such a class for large depths (HotSpot 17 crashes at 50,000).
     *
     * @param internalName the class, for example {@code p/Deep}
     * @param interfaceName the interface it implements, for example {@code p/Point}
     * @param depth how many annotations are nested in the outermost one; 0 for none
     * @return the class file
     */
    public static byte[] nestedAnnotation(String internalName, String interfaceName, int depth) {
        return write(out -> {
            header(out);
            String[] utf8 = {internalName, "java/lang/Object", interfaceName, "RuntimeVisibleAnnotations",
                "Lorg/pf4j/Extension;", "value", "Lp/Nest;"};
            out.writeShort(1 + utf8.length + 3); // constant-pool count: the strings, then three classes
            for (String s : utf8) {
                out.writeByte(1);
                out.writeUTF(s);
            }
            for (int nameIndex = 1; nameIndex <= 3; nameIndex++) {
                out.writeByte(7);
                out.writeShort(nameIndex); // #8 this class, #9 Object, #10 the interface
            }
            out.writeShort(0x21); // public super
            out.writeShort(8);
            out.writeShort(9);
            out.writeShort(1);
            out.writeShort(10);
            out.writeShort(0); // fields
            out.writeShort(0); // methods
            out.writeShort(1); // one class attribute
            out.writeShort(4);
            out.writeInt(4 + 7 * depth + 2);
            out.writeShort(1); // one annotation
            out.writeShort(5);
            for (int i = 0; i < depth; i++) {
                out.writeShort(1); // one element: value = @p.Nest(...)
                out.writeShort(6);
                out.writeByte('@');
                out.writeShort(7);
            }
            out.writeShort(0); // the innermost annotation has no elements
        });
    }

    /**
     * The magic number and version 61, followed by {@code rest}: for headers that lie.
     *
     * @param rest the bytes after the version
     * @return the class file
     */
    public static byte[] withHeader(byte... rest) {
        return write(out -> {
            header(out);
            out.write(rest);
        });
    }

    private static void header(DataOutputStream out) throws IOException {
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
