package dev.graft.cli.verify;

import dev.graft.cli.PluginContents;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that every class, method and field a plugin's own classes reference resolves against
 * what its classes loader sees at run time ({@link Resolver}, through the runtime's routes): its
 * classes, its libraries, the host's shared packages and fallback, the JDK, and the exports of
 * the plugins it depends on. References made only by an extension the runtime skips (its
 * dependency is absent), or by its nested classes, are conditional.
 */
public final class Verifier {

    private Verifier() {
    }

    /**
     * @param runtime a runtime holding the plugin (and the plugins it may depend on)
     * @param host the loader the runtime was given as the host's
     * @param status the plugin's status in that runtime
     * @return the report
     */
    public static Report verify(PluginRuntime runtime, ClassLoader host, PluginStatus status) {
        String file = String.valueOf(status.source().getFileName());
        Optional<LoadedPlugin> loaded = status.id().flatMap(runtime::plugin)
                .filter(p -> p.source().equals(status.source()));
        if (loaded.isEmpty()) {
            return new Report(status.name(), file, 0, 0, 0, List.of(), status.state() + ": " + status.reason());
        }
        LoadedPlugin plugin = loaded.get();
        PluginContents contents = PluginContents.read(plugin.source());
        Map<String, String> skipped = skippedExtensions(runtime, plugin);
        RuntimeSources sources = new RuntimeSources(runtime, host);
        ClassSource own = sources.plugin(plugin, false);
        Resolver resolver = new Resolver();
        Set<Problem> problems = new LinkedHashSet<>();
        int references = 0;
        for (Map.Entry<String, byte[]> c : contents.classes().entrySet()) {
            List<Reference> refs;
            try {
                refs = References.of(c.getValue());
            } catch (RuntimeException e) { // ASM's way of saying a class file is malformed
                problems.add(new Problem(c.getKey().replace('/', '.'), "<class>", "a readable class file",
                        contents.entryName(c.getKey()) + " cannot be parsed (" + e + "); the JVM would refuse it with a"
                                + " ClassFormatError", condition(skipped, c.getKey())));
                continue;
            }
            for (Reference ref : refs) {
                references++;
                Optional<Check.Unresolved> missing = Check.unresolved(resolver, own, ref);
                if (missing.isPresent()) {
                    problems.add(new Problem(ref.fromClass().replace('/', '.'), ref.fromMember(), missing.get().missing(),
                            missing.get().detail(), condition(skipped, ref.fromClass())));
                }
            }
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(Problem::conditional).thenComparing(Problem::fromClass)
                .thenComparing(Problem::fromMember).thenComparing(Problem::missing));
        return new Report(plugin.id(), file, contents.classes().size(), references, sources.classFilesRead(), sorted, "");
    }

    /** The plugin's extensions the runtime skips, internal class name to reason. */
    private static Map<String, String> skippedExtensions(PluginRuntime runtime, LoadedPlugin plugin) {
        Map<String, String> skipped = new TreeMap<>();
        for (String point : plugin.index().points()) {
            for (ExtensionStatus s : runtime.describe(point)) {
                if (s.pluginId().equals(plugin.id()) && s.state() == ExtensionStatus.State.SKIPPED) {
                    skipped.put(s.className().replace('.', '/'), "extension " + s.className() + " is skipped: " + s.reason());
                }
            }
        }
        return skipped;
    }

    private static Optional<String> condition(Map<String, String> skipped, String fromClass) {
        for (Map.Entry<String, String> e : skipped.entrySet()) {
            if (fromClass.equals(e.getKey()) || fromClass.startsWith(e.getKey() + "$")) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
