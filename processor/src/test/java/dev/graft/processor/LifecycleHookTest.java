package dev.graft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.graft.processor.Fixtures.compile;
import static dev.graft.processor.Fixtures.extension;
import static dev.graft.processor.Fixtures.index;
import static dev.graft.processor.Fixtures.plugin;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** A plugin's start and stop hooks are ordinary extensions of Graft's own point, dev.graft.PluginLifecycle. */
class LifecycleHookTest {

    @Test
    void aHookIsIndexedUnderPluginLifecycleWithoutAnyDiagnostic() {
        Compilation compilation = compile(plugin("id = \"p\""), extension("Hooks", "@Extension",
                "public class Hooks implements dev.graft.PluginLifecycle { public void start() {} }"));
        assertThat(compilation).succeededWithoutWarnings();
        String index = index(compilation);
        assertTrue(index.contains("point dev.graft.PluginLifecycle\n  extension test.Hooks ordinal=0\n"), index);
    }
}
