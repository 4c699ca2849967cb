package dev.graft.cli.verify;

import dev.graft.cli.Json;
import dev.graft.cli.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Verifier} found for one plugin: its unresolved references, errors and conditional
 * ones, or why it could not be verified at all (it does not load). Printed as a table or JSON by
 * both {@code graft verify} and {@code graft:verify}.
 *
 * @param plugin the plugin's id, or its file name when it has none
 * @param source the plugin's file name
 * @param classes how many of its classes were read
 * @param references how many references they make
 * @param classFilesRead how many class files of its loaders, libraries, dependencies, host and JDK were read to resolve them
 * @param problems the unresolved references, sorted
 * @param notLoaded why the plugin does not load; empty when it loads
 */
public record Report(String plugin, String source, int classes, int references, int classFilesRead, List<Problem> problems,
        String notLoaded) {

    /** @return the problems that are errors */
    public List<Problem> errors() {
        return problems.stream().filter(p -> !p.conditional()).toList();
    }

    /** @return whether the plugin loads and every reference resolves, or is conditional */
    public boolean ok() {
        return notLoaded.isEmpty() && errors().isEmpty();
    }

    /** @return the one-line summary */
    public String summary() {
        if (!notLoaded.isEmpty()) {
            return "plugin '" + plugin + "' (" + source + ") does not load: " + notLoaded;
        }
        long conditional = problems.size() - errors().size();
        return "plugin '" + plugin + "' (" + source + "): " + count(classes, "class", "classes") + ", "
                + count(references, "reference", "references") + ", "
                + errors().size() + " unresolved" + (conditional == 0 ? "" : ", " + conditional + " conditional");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** @return the summary, then a table of the problems */
    public String text() {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        if (!problems.isEmpty()) {
            Table table = new Table("STATUS", "REFERENCED FROM", "MISSING", "DETAIL");
            for (Problem p : problems) {
                table.row(p.conditional() ? "CONDITIONAL" : "ERROR", p.fromClass() + "." + p.fromMember(), p.missing(),
                        p.detail() + p.condition().map(c -> "; " + c).orElse(""));
            }
            out.append(table);
        }
        return out.toString();
    }

    /** @return the report as JSON */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", plugin);
        m.put("source", source);
        m.put("loads", notLoaded.isEmpty());
        m.put("notLoaded", notLoaded.isEmpty() ? null : notLoaded);
        m.put("classes", classes);
        m.put("references", references);
        m.put("classFilesRead", classFilesRead);
        List<Object> list = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", p.conditional() ? "CONDITIONAL" : "ERROR");
            e.put("class", p.fromClass());
            e.put("member", p.fromMember());
            e.put("missing", p.missing());
            e.put("detail", p.detail());
            e.put("condition", p.condition().orElse(null));
            list.add(e);
        }
        m.put("problems", list);
        m.put("ok", ok());
        return Json.write(m);
    }
}
