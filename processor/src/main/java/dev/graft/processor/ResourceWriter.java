package dev.graft.processor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes resources to the class output, where they are packaged with the plugin's classes. */
final class ResourceWriter {

    private final Filer filer;
    private final Reporter reporter;
    private final CompilationOutcome outcome;

    /**
     * @param filer the compiler's filer
     * @param reporter where a failure to write goes
     * @param outcome deletes what was written if the compilation fails later, or {@code null}
     */
    ResourceWriter(Filer filer, Reporter reporter, CompilationOutcome outcome) {
        this.filer = filer;
        this.reporter = reporter;
        this.outcome = outcome;
    }

    /**
     * Writes a resource, replacing what an earlier build left there, or reports an error.
     *
     * @param path the path below the class output, for example {@code META-INF/graft/extensions.idx}
     * @param content the text, written as UTF-8
     * @param originatingElements the elements the content derives from, for incremental builds
     */
    void write(String path, String content, Element... originatingElements) {
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originatingElements);
            try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                out.write(content);
            }
            if (outcome != null) {
                outcome.wrote(file);
            }
        } catch (IOException e) {
            reporter.error(Site.NOWHERE, "the Graft processor could not write " + path + ": " + e);
        }
    }
}
