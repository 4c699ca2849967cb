package dev.graft.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * A test processor, as another processor of the build: reports a warning in one round and, in the
 * last round, a note saying whether {@link RoundEnvironment#errorRaised()} is true there. Public,
 * so that a javac run in another process can load it by name with {@code -processor}.
 */
public final class WarnsInRound extends AbstractProcessor {

    /** The note of the last round, followed by {@code true} or {@code false}. */
    static final String ERROR_RAISED = "errorRaised() in the last round: ";

    private final int warnIn;
    private int round;

    /** Warns in round 1; the constructor javac calls for {@code -processor dev.graft.processor.WarnsInRound}. */
    public WarnsInRound() {
        this(1);
    }

    /** @param warnIn the round to warn in, from 1; 0 for the last round */
    WarnsInRound(int warnIn) {
        this.warnIn = warnIn;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
        round++;
        if (env.processingOver() ? warnIn == 0 : warnIn == round) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "a warning of round " + round);
        }
        if (env.processingOver()) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, ERROR_RAISED + env.errorRaised());
        }
        return false;
    }
}
