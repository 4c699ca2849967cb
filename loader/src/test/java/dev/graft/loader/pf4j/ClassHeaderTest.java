package dev.graft.loader.pf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.testing.ClassFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Class files whose annotations nest too deep, or whose counts and lengths lie. */
class ClassHeaderTest {

    @Test
    void readsANestedAnnotationOfReasonableDepth() throws IOException {
        ClassHeader h = ClassHeader.parse(ClassFiles.nestedAnnotation("p/Deep", "p/Point", ClassHeader.MAX_NESTING - 1));
        assertEquals("p/Deep", h.name());
        assertEquals(List.of("p/Point"), h.interfaces());
        assertTrue(h.annotationInts().containsKey("Lorg/pf4j/Extension;"), h.annotationInts().toString());
    }

    @Test
    void anAnnotationNested200000DeepIsRefusedNamingTheClass() throws Exception {
        byte[] deep = ClassFiles.nestedAnnotation("p/Deep", "p/Point", 200_000);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                ClassHeader.parse(deep);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertTrue(thrown.get() instanceof IOException, "an IOException, not " + thrown.get());
        assertEquals("annotation values of class p/Deep are nested deeper than " + ClassHeader.MAX_NESTING,
                thrown.get().getMessage());
    }

    @Test
    void aConstantPoolCountBeyondTheBytesPresentAllocatesNothing() throws IOException {
        byte[] lying = ClassFiles.withHeader((byte) 0xFF, (byte) 0xFF); // 65,535 constants, no bytes
        IOException e = assertThrows(IOException.class, () -> ClassHeader.parse(lying));
        assertEquals("malformed class file: the constant pool declares 65534 constants, but only 0 bytes follow",
                e.getMessage());
        assertAllocatesLittle(lying);
    }

    @Test
    void aStringLengthBeyondTheBytesPresentAllocatesNothing() throws IOException {
        // one UTF-8 constant that declares 65,535 bytes and has 3
        byte[] lying = ClassFiles.withHeader((byte) 0, (byte) 2, (byte) 1, (byte) 0xFF, (byte) 0xFF, (byte) 'a',
                (byte) 'b', (byte) 'c');
        IOException e = assertThrows(IOException.class, () -> ClassHeader.parse(lying));
        assertEquals("malformed class file: constant 1 declares a string of 65535 bytes, but only 3 bytes follow",
                e.getMessage());
        assertAllocatesLittle(lying);
    }

    @Test
    void anAnnotationAttributeShorterThanItsAnnotationsIsRefused() {
        byte[] bytes = ClassFiles.nestedAnnotation("p/Short", "p/Point", 1);
        int attributeBody = 4 + 7 + 2;
        ByteBuffer.wrap(bytes).putInt(bytes.length - attributeBody - 4, 0);
        IOException e = assertThrows(IOException.class, () -> ClassHeader.parse(bytes));
        assertEquals("malformed class file: attribute RuntimeVisibleAnnotations declares 0 bytes, but its"
                + " annotations take 13", e.getMessage());
    }

    @Test
    void anAttributeLongerThanTheFileIsRefused() {
        byte[] bytes = ClassFiles.nestedAnnotation("p/Long", "p/Point", 1);
        ByteBuffer.wrap(bytes).putInt(bytes.length - (4 + 7 + 2) - 4, Integer.MAX_VALUE);
        IOException e = assertThrows(IOException.class, () -> ClassHeader.parse(bytes));
        assertEquals("malformed class file: attribute RuntimeVisibleAnnotations declares 2147483647 bytes, but only"
                + " 13 bytes follow", e.getMessage());
    }

    private static void assertAllocatesLittle(byte[] classFile) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        parseQuietly(classFile); // warm up: load the classes that reading and failing use
        long before = threads.getThreadAllocatedBytes(id);
        parseQuietly(classFile);
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 16 * 1024, "allocated " + allocated + " bytes for a class file of " + classFile.length);
    }

    private static void parseQuietly(byte[] classFile) {
        try {
            assertNull(ClassHeader.parse(classFile), "cannot parse");
        } catch (IOException expected) {
            // the point is what it allocated on the way
        }
    }
}
