package dev.graft.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/** A test processor that generates sources in given rounds, as other processors do. */
final class GeneratesSources extends AbstractProcessor {

    /** A source to generate in a round. */
    private record Planned(int round, String name, String text) {
    }

    private final List<Planned> planned = new ArrayList<>();
    private int round;

    /**
     * @param inRound the round, from 1
     * @param name the canonical name of the class
     * @param text its source
     * @return this processor
     */
    GeneratesSources inRound(int inRound, String name, String text) {
        planned.add(new Planned(inRound, name, text));
        return this;
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
        for (Planned source : planned) {
            if (source.round() == round) {
                try (Writer out = processingEnv.getFiler().createSourceFile(source.name()).openWriter()) {
                    out.write(source.text());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }
}
