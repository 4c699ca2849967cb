package dev.graft.cli;

import dev.graft.loader.LoadedPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code graft conflicts DIR}: libraries in several versions, split packages, bundled shared packages. */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
        description = {"Among the loaded plugins of DIR: the same library bundled in different versions, packages in"
                + " several plugins, and plugins bundling classes of a package the host shares; each with whether"
                + " Graft's isolation makes it harmless.", "Exit 1 if a conflict is not harmless."})
public final class ConflictsCommand implements Callable<Integer> {

    @Mixin
    PluginFolder folder;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        try (FolderRuntime folderRuntime = folder.open()) {
            List<Conflicts.Holder> holders = new ArrayList<>();
            for (LoadedPlugin p : folderRuntime.runtime().loadedPlugins()) {
                holders.add(new Conflicts.Holder(p, PluginContents.read(p.source())));
            }
            List<Conflict> conflicts = Conflicts.find(holders, folder.host().shared());
            output.print(() -> Json.write(Map.of("conflicts", json(conflicts))), () -> table(conflicts));
            return conflicts.stream().allMatch(Conflict::harmless) ? Main.OK : Main.PROBLEMS;
        }
    }

    private static String table(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return "no conflicts\n";
        }
        Table table = new Table("KIND", "SUBJECT", "HELD BY", "VERDICT");
        for (Conflict c : conflicts) {
            table.row(c.kind().toString(), c.subject(), String.join(", ", c.holders()), c.verdict());
        }
        return table.toString();
    }

    private static List<Object> json(List<Conflict> conflicts) {
        List<Object> list = new ArrayList<>();
        for (Conflict c : conflicts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", c.kind().toString());
            m.put("subject", c.subject());
            m.put("heldBy", new ArrayList<Object>(c.holders()));
            m.put("harmless", c.harmless());
            m.put("verdict", c.verdict());
            list.add(m);
        }
        return list;
    }
}
