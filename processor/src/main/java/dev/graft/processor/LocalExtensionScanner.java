package dev.graft.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.graft.Extension;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Finds {@code @Extension} on local classes, which javac never hands to annotation processors
 * (they are declared inside method bodies, which are not attributed before processing): without
 * this scan such a class would silently be missing from the index. It reads javac's syntax trees,
 * so it recognises the annotation by name ({@code @dev.graft.Extension}, or {@code @Extension}
 * with an import of {@code dev.graft.Extension} or {@code dev.graft.*}); with a compiler other
 * than javac it does nothing.
 */
final class LocalExtensionScanner {

    private static final String NAME = Extension.class.getCanonicalName();
    private static final String PACKAGE = Extension.class.getPackageName();
    private static final Set<Tree.Kind> TYPE_BODIES = Set.of(Tree.Kind.CLASS, Tree.Kind.INTERFACE, Tree.Kind.ENUM,
            Tree.Kind.RECORD, Tree.Kind.ANNOTATION_TYPE, Tree.Kind.COMPILATION_UNIT);

    private final Trees trees;
    private final Reporter reporter;

    private LocalExtensionScanner(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /**
     * @param env the processing environment
     * @param reporter where errors go
     * @return a scanner; one that finds nothing when the compiler is not javac
     */
    static LocalExtensionScanner create(ProcessingEnvironment env, Reporter reporter) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException e) {
            trees = null; // not javac, or javac behind a wrapper: the scan is skipped
        }
        return new LocalExtensionScanner(trees, reporter);
    }

    /**
     * Reports an error on each {@code @Extension} of a local class inside the type.
     *
     * @param root a type of the current round
     */
    void scan(Element root) {
        TreePath path = trees == null || !(root instanceof TypeElement) ? null : trees.getPath(root);
        if (path == null) {
            return;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree type, Void unused) {
                Tree parent = getCurrentPath().getParentPath().getLeaf();
                if (!TYPE_BODIES.contains(parent.getKind()) && parent.getKind() != Tree.Kind.NEW_CLASS) {
                    for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
                        if (isExtension(annotation, unit)) {
                            reporter.error(message -> trees.printMessage(Diagnostic.Kind.ERROR, message, annotation,
                                    unit), ExtensionClassValidator.localClassMessage(type.getSimpleName().toString(),
                                    "local"));
                        }
                    }
                }
                return super.visitClass(type, unused);
            }
        }.scan(path, null);
    }

    private static boolean isExtension(AnnotationTree annotation, CompilationUnitTree unit) {
        String written = annotation.getAnnotationType().toString();
        if (written.equals(NAME)) {
            return true;
        }
        if (!written.equals(Extension.class.getSimpleName())) {
            return false;
        }
        boolean onDemand = unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
        for (ImportTree i : unit.getImports()) {
            String imported = i.getQualifiedIdentifier().toString();
            if (imported.equals(NAME)) {
                return true;
            }
            if (!i.isStatic() && imported.endsWith("." + written)) {
                return false; // another Extension is imported by name
            }
            onDemand |= imported.equals(PACKAGE + ".*");
        }
        return onDemand;
    }
}
