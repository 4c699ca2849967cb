package dev.graft.cli.verify;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Collects the references a class file's linkage depends on, with ASM: its superclass and
 * interfaces; in its code, the classes of {@code new}, casts, {@code instanceof}, arrays, class
 * literals and caught exceptions, every field and method instruction, and the method handles of
 * {@code invokedynamic} and constants (a lambda's implementation, a method reference). Types that
 * appear only in descriptors, signatures or annotations are not collected: the JVM does not
 * resolve them when the code runs.
 */
final class References {

    private References() {
    }

    /**
     * @param bytes a class file
     * @return its references, in the order they appear
     */
    static List<Reference> of(byte[] bytes) {
        List<Reference> refs = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            private String self;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                self = name;
                if (superName != null) {
                    refs.add(type(name, "<class>", superName));
                }
                for (String i : interfaces == null ? new String[0] : interfaces) {
                    refs.add(type(name, "<class>", i));
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Code(self, name + descriptor, refs);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return refs;
    }

    private static Reference type(String from, String member, String owner) {
        return new Reference(from, member, Reference.Kind.CLASS, owner, "", "", false);
    }

    /** The references of one method's code. */
    private static final class Code extends MethodVisitor {
        private final String from;
        private final String member;
        private final List<Reference> refs;

        Code(String from, String member, List<Reference> refs) {
            super(Opcodes.ASM9);
            this.from = from;
            this.member = member;
            this.refs = refs;
        }

        private void type(String internalNameOrArray) {
            refs.add(References.type(from, member, internalNameOrArray));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            type(type);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dims) {
            type(descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                type(type);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            refs.add(new Reference(from, member, Reference.Kind.FIELD, owner, name, descriptor, false));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            refs.add(new Reference(from, member, Reference.Kind.METHOD, owner, name, descriptor, isInterface));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            handle(bootstrap);
            for (Object a : arguments) {
                constant(a);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        private void constant(Object value) {
            if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                type(t.getInternalName());
            } else if (value instanceof Handle h) {
                handle(h);
            } else if (value instanceof ConstantDynamic c) {
                handle(c.getBootstrapMethod());
                for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                    constant(c.getBootstrapMethodArgument(i));
                }
            }
        }

        private void handle(Handle h) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
            refs.add(new Reference(from, member, field ? Reference.Kind.FIELD : Reference.Kind.METHOD, h.getOwner(),
                    h.getName(), h.getDesc(), h.isInterface()));
        }
    }
}
