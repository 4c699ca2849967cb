package dev.graft.cli;

import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginState;
import dev.graft.loader.PluginStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code graft list DIR}: every plugin with its load order, state, version, format and reason. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every plugin of DIR with its load order, id, version, state, format, file and reason, as"
                + " PluginRuntime decides them; no plugin code runs. Exit 1 if a plugin is not LOADED.")
public final class ListCommand implements Callable<Integer> {

    @Mixin
    PluginFolder folder;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        try (FolderRuntime folderRuntime = folder.open()) {
            List<Row> rows = rows(folderRuntime.runtime());
            output.print(() -> Json.write(Map.of("plugins", json(rows))), () -> table(rows));
            return rows.stream().allMatch(r -> r.status().state() == PluginState.LOADED) ? Main.OK : Main.PROBLEMS;
        }
    }

    /**
     * One plugin as the runtime reports it.
     *
     * @param order its place in the load order, from 1; 0 when not loaded
     * @param status the runtime's status
     * @param format its format, when loaded ({@code -} otherwise: the runtime reports it for loaded plugins)
     */
    record Row(int order, PluginStatus status, String format) {
    }

    /**
     * The plugins, in {@link PluginRuntime#plugins()}'s order: loaded ones in load order, then the rest by name.
     *
     * @param runtime the runtime
     * @return one row per plugin
     */
    static List<Row> rows(PluginRuntime runtime) {
        List<LoadedPlugin> loaded = runtime.loadedPlugins();
        List<Row> rows = new ArrayList<>();
        for (PluginStatus status : runtime.plugins()) {
            int order = 0;
            String format = "-";
            for (int i = 0; i < loaded.size(); i++) {
                if (status.state() == PluginState.LOADED && status.id().equals(java.util.Optional.of(loaded.get(i).id()))) {
                    order = i + 1;
                    format = loaded.get(i).format().toString();
                }
            }
            rows.add(new Row(order, status, format));
        }
        return rows;
    }

    private static String table(List<Row> rows) {
        Table table = new Table("ORDER", "ID", "VERSION", "STATE", "FORMAT", "FILE", "REASON");
        for (Row r : rows) {
            table.row(r.order() == 0 ? "-" : String.valueOf(r.order()), r.status().name(),
                    r.status().version().map(String::valueOf).orElse("?"), r.status().state().toString(), r.format(),
                    String.valueOf(r.status().source().getFileName()), r.status().reason());
        }
        return table.toString();
    }

    private static List<Object> json(List<Row> rows) {
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", r.order() == 0 ? null : r.order());
            m.put("id", r.status().id().orElse(null));
            m.put("version", r.status().version().map(String::valueOf).orElse(null));
            m.put("state", r.status().state().toString());
            m.put("format", r.order() == 0 ? null : r.format());
            m.put("file", String.valueOf(r.status().source().getFileName()));
            m.put("reason", r.status().reason());
            list.add(m);
        }
        return list;
    }
}
