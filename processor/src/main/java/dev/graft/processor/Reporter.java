package dev.graft.processor;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports diagnostics through the compiler's {@link Messager}, remembers whether an error was
 * reported, and runs processing steps so that no exception reaches the compiler.
 */
final class Reporter {

    private final Messager messager;
    private boolean errors;

    /** @param messager the compiler's messager */
    Reporter(Messager messager) {
        this.messager = messager;
    }

    /**
     * Reports an error; the processor then writes no output.
     *
     * @param site where the error points
     * @param message what is wrong, what was expected and how to fix it
     */
    void error(Site site, String message) {
        errors = true;
        print(Diagnostic.Kind.ERROR, site, message);
    }

    /**
     * Reports an error that a compiler-specific API prints, for a position no element has (inside
     * a method body); the processor then writes no output.
     *
     * @param printer prints the message at its position
     * @param message what is wrong and how to fix it
     */
    void error(Consumer<String> printer, String message) {
        errors = true;
        printer.accept(message);
    }

    /**
     * Reports a warning: the input is legal but probably not what the author meant.
     *
     * @param site where the warning points
     * @param message what is suspicious and how to silence it
     */
    void warning(Site site, String message) {
        print(Diagnostic.Kind.WARNING, site, message);
    }

    /** @return whether {@link #error} was called */
    boolean hasErrors() {
        return errors;
    }

    /**
     * Runs one processing step, turning any exception into an error on the element being processed.
     *
     * @param element the element the step processes, or {@code null}
     * @param step what the step does, for the message ("validating", ...)
     * @param action the step
     */
    void guard(Element element, String step, Runnable action) {
        guard(element, step, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs one processing step that computes a value, turning any exception into an error on the
     * element being processed.
     *
     * @param element the element the step processes, or {@code null}
     * @param step what the step does, for the message
     * @param action the step
     * @param <T> the type of the value
     * @return the value, or {@code null} when the step failed
     */
    <T> T guard(Element element, String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException | LinkageError e) {
            String where = element == null ? "" : " " + Names.of(element);
            error(element == null ? Site.NOWHERE : Site.of(element), "the Graft processor failed while " + step + where
                    + ": " + e + "; this is a bug in the processor, please report it with this message");
            return null;
        }
    }

    private void print(Diagnostic.Kind kind, Site site, String message) {
        if (site.element() == null) {
            messager.printMessage(kind, message);
        } else if (site.annotation() == null) {
            messager.printMessage(kind, message, site.element());
        } else if (site.value() == null) {
            messager.printMessage(kind, message, site.element(), site.annotation());
        } else {
            messager.printMessage(kind, message, site.element(), site.annotation(), site.value());
        }
    }
}
