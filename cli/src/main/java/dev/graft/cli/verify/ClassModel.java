package dev.graft.cli.verify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What member resolution needs of a class file: its name, supertypes, and declared methods and
 * fields (name and descriptor to access flags). Read with ASM, skipping code.
 *
 * @param name the internal name ({@code com/example/Foo})
 * @param access the class's access flags
 * @param superName the superclass's internal name; {@code null} for {@code java/lang/Object} and modules
 * @param interfaces the direct superinterfaces
 * @param methods {@code name + descriptor} to access flags
 * @param fields {@code name + ":" + descriptor} to access flags
 */
record ClassModel(String name, int access, String superName, List<String> interfaces, Map<String, Integer> methods,
        Map<String, Integer> fields) {

    /** @return whether it is an interface */
    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /**
     * Whether it declares a method; a signature-polymorphic method of {@code MethodHandle} or
     * {@code VarHandle} (native, varargs) matches any descriptor, as the JVM resolves it.
     */
    boolean declaresMethod(String methodName, String descriptor) {
        if (methods.containsKey(methodName + descriptor)) {
            return true;
        }
        if (name.equals("java/lang/invoke/MethodHandle") || name.equals("java/lang/invoke/VarHandle")) {
            int polymorphic = Opcodes.ACC_NATIVE | Opcodes.ACC_VARARGS;
            return methods.entrySet().stream().anyMatch(m -> m.getKey().startsWith(methodName + "(")
                    && (m.getValue() & polymorphic) == polymorphic);
        }
        return false;
    }

    /** Whether it declares a method that an interface lookup may select: neither private nor static. */
    boolean declaresInstanceMethod(String methodName, String descriptor) {
        Integer access = methods.get(methodName + descriptor);
        return access != null && (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == 0;
    }

    boolean declaresField(String fieldName, String descriptor) {
        return fields.containsKey(fieldName + ":" + descriptor);
    }

    /**
     * Reads a class file.
     *
     * @param bytes the class file
     * @return its model
     * @throws IllegalArgumentException if ASM cannot read it
     */
    static ClassModel read(byte[] bytes) {
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> fields = new TreeMap<>();
        ClassModel[] header = new ClassModel[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                header[0] = new ClassModel(name, access, superName, interfaces == null ? List.of() : List.of(interfaces),
                        methods, fields);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.put(name + ":" + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return header[0];
    }
}
