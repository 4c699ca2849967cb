package dev.graft.processor;

import com.google.auto.service.AutoService;
import dev.graft.Extension;
import dev.graft.ExtensionPoint;
import dev.graft.Plugin;
import dev.graft.PluginApi;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The Graft annotation processor. It validates the {@link Plugin} declaration, every
 * {@link Extension} class and every {@link ExtensionPoint}, and, when the compilation has a
 * {@code @Plugin} and nothing is wrong (under {@code -Werror}, no warning either), writes
 * {@code META-INF/graft/extensions.idx} and {@code META-INF/graft/plugin.manifest} to the class
 * output once processing is over.
 *
 * <p>The plugin version comes from the processor option {@code graft.version}: pass
 * {@code -Agraft.version=${project.version}}. Problems are reported as compiler errors and
 * warnings on the annotation, or the annotation value, at fault; {@code docs/processor.md} lists
 * them all. The processor never throws at the compiler: a failure of its own is reported as an
 * error on the element being processed.
 */
@AutoService(Processor.class)
public final class GraftProcessor extends AbstractProcessor {

    private Reporter reporter;
    private RoundCollector rounds;
    private RoundValidation validation;
    private Completion completion;
    private CompilationOutcome outcome;

    /** Creates the processor; the compiler calls {@link #init} before any round. */
    public GraftProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env.getMessager());
        reporter.guard(null, "starting", () -> {
            outcome = CompilationOutcome.register(env);
            Collected collected = new Collected();
            ExtensionCollector extensions = new ExtensionCollector(env.getElementUtils(), env.getTypeUtils(), reporter,
                    collected);
            rounds = new RoundCollector(reporter, collected, extensions, LocalExtensionScanner.create(env, reporter),
                    new PluginApiValidator(env.getElementUtils(), reporter));
            ApiOwnership ownership = new ApiOwnership(env.getElementUtils(), reporter);
            validation = new RoundValidation(env.getElementUtils(), env.getFiler(), reporter, collected,
                    env.getOptions().get(PluginVersion.OPTION), ownership);
            completion = new Completion(env.getElementUtils(), env.getFiler(), reporter, collected, extensions,
                    validation, ownership, env.getSourceVersion().ordinal(), outcome);
        });
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Extension.class.getCanonicalName(), ExtensionPoint.class.getCanonicalName(),
                Plugin.class.getCanonicalName(), PluginApi.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PluginVersion.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /**
     * Collects and validates during the rounds (under {@code -Werror} javac fails the last round
     * for a warning of an earlier one, but not for one of the last round), and validates what had
     * to wait and writes in the last one.
     *
     * @return {@code true}: Graft's own annotations are claimed, so that javac does not warn that no
     *     processor claimed them (an error under {@code -Xlint:all -Werror}); no other processor
     *     has a use for them
     */
    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        reporter.guard(null, "processing a round", () -> {
            if (round.processingOver()) {
                completion.complete(round);
            } else {
                if (outcome != null) {
                    outcome.expect(round.getRootElements());
                }
                rounds.collect(round);
                validation.validate(false);
            }
        });
        return true;
    }
}
