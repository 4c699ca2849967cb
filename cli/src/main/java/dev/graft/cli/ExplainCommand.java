package dev.graft.cli;

import dev.graft.loader.ClassRoute;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code graft explain DIR TARGET}: for an extension point, its extensions with their states and
 * reasons ({@link PluginRuntime#describe(String)}); for any other name, a class, which loader would
 * serve it to each plugin and by which row of the delegation table ({@link LoadedPlugin#route}),
 * without loading it.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"For an extension point: its extensions, their states (ACTIVE, SKIPPED, FAILED) and reasons.",
                "For a class name: which loader would serve it to each plugin's loaders, and by which row of the"
                        + " delegation table (docs/class-loading.md), without loading it.",
                "Exit 1 if an extension failed, or if no plugin's loader finds the class."})
public final class ExplainCommand implements Callable<Integer> {

    @Mixin
    PluginFolder folder;

    @Parameters(index = "1", paramLabel = "TARGET", description = "An extension point or a class (binary name)")
    String target;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        try (FolderRuntime folderRuntime = folder.open()) {
            PluginRuntime runtime = folderRuntime.runtime();
            if (runtime.points().contains(target)) {
                List<ExtensionStatus> statuses = runtime.describe(target);
                output.print(() -> Json.write(pointJson(statuses)), () -> pointTable(statuses));
                return statuses.stream().anyMatch(s -> s.state() == ExtensionStatus.State.FAILED) ? Main.PROBLEMS : Main.OK;
            }
            List<ClassRoute> routes = routes(runtime, target);
            output.print(() -> Json.write(classJson(routes)), () -> classTable(routes));
            return routes.stream().anyMatch(ClassRoute::found) ? Main.OK : Main.PROBLEMS;
        }
    }

    /**
     * How each loaded plugin's loaders, in load order, would resolve a class name: its classes
     * loader, then its library loader if it has one.
     *
     * @param runtime the runtime
     * @param className the binary class name
     * @return the routes
     */
    static List<ClassRoute> routes(PluginRuntime runtime, String className) {
        List<ClassRoute> routes = new ArrayList<>();
        for (LoadedPlugin p : runtime.loadedPlugins()) {
            routes.add(p.route(className));
            p.libraryRoute(className).ifPresent(routes::add);
        }
        return routes;
    }

    private static String pointTable(List<ExtensionStatus> statuses) {
        Table table = new Table("STATE", "EXTENSION", "PLUGIN", "ORDINAL", "REASON");
        for (ExtensionStatus s : statuses) {
            table.row(s.state().toString(), s.className(), s.pluginId(), String.valueOf(s.ordinal()), s.reason());
        }
        return table.toString();
    }

    private Map<String, Object> pointJson(List<ExtensionStatus> statuses) {
        List<Object> list = new ArrayList<>();
        for (ExtensionStatus s : statuses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", s.state().toString());
            m.put("class", s.className());
            m.put("plugin", s.pluginId());
            m.put("ordinal", s.ordinal());
            m.put("reason", s.reason());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("point", target);
        out.put("extensions", list);
        return out;
    }

    private static String classTable(List<ClassRoute> routes) {
        Table table = new Table("ASKED OF", "ROW", "RULE", "SERVED BY", "FOUND", "MEANING");
        for (ClassRoute r : routes) {
            table.row(r.requester(), r.row(), r.rule().toString(), r.servedBy().orElse("-"),
                    r.found() ? "yes" : "no", r.rule().meaning());
        }
        return table.toString();
    }

    private Map<String, Object> classJson(List<ClassRoute> routes) {
        List<Object> list = new ArrayList<>();
        for (ClassRoute r : routes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("askedOf", r.requester());
            m.put("row", r.row());
            m.put("rule", r.rule().toString());
            m.put("servedBy", r.servedBy().orElse(null));
            m.put("plugin", r.pluginId().orElse(null));
            m.put("found", r.found());
            m.put("meaning", r.rule().meaning());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class", target);
        out.put("routes", list);
        return out;
    }
}
