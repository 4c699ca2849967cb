package dev.graft.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** No exception of a processing step reaches the compiler: it becomes an error naming the step. */
class ReporterTest {

    /** Records the messages printed without an element, the only ones these tests print. */
    private static final class RecordingMessager implements Messager {
        final List<String> messages = new ArrayList<>();

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
            messages.add(kind + ": " + msg);
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
            throw new AssertionError("unexpected element");
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            throw new AssertionError("unexpected annotation");
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
                AnnotationValue v) {
            throw new AssertionError("unexpected value");
        }
    }

    @Test
    void turnsAnExceptionIntoAnErrorWithItsMessage() {
        RecordingMessager messager = new RecordingMessager();
        Reporter reporter = new Reporter(messager);
        String result = reporter.guard(null, "writing the index", () -> {
            throw new IllegalStateException("disk full");
        });
        assertNull(result);
        assertTrue(reporter.hasErrors());
        assertEquals(List.of("ERROR: the Graft processor failed while writing the index:"
                + " java.lang.IllegalStateException: disk full; this is a bug in the processor, please report it with"
                + " this message"), messager.messages);
    }

    @Test
    void turnsALinkageErrorIntoAnError() {
        RecordingMessager messager = new RecordingMessager();
        Reporter reporter = new Reporter(messager);
        reporter.guard(null, "starting", (Runnable) () -> {
            throw new NoClassDefFoundError("dev/graft/loader/Version");
        });
        assertEquals(1, messager.messages.size());
        assertTrue(messager.messages.get(0).contains("java.lang.NoClassDefFoundError: dev/graft/loader/Version"),
                messager.messages.get(0));
    }

    @Test
    void passesResultsThroughAndReportsNothingWhenTheStepSucceeds() {
        RecordingMessager messager = new RecordingMessager();
        Reporter reporter = new Reporter(messager);
        assertEquals("ok", reporter.guard(null, "reading", () -> "ok"));
        reporter.warning(Site.NOWHERE, "careful");
        assertFalse(reporter.hasErrors(), "a warning is not an error");
        assertEquals(List.of("WARNING: careful"), messager.messages);
    }
}
