package dev.graft.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The option every command takes, {@code --json}, and where each command prints its result. */
final class Output {

    @Option(names = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /**
     * Prints the result as JSON or as a table, whichever {@code --json} asks for.
     *
     * @param json the result as JSON
     * @param table the result as an aligned table
     */
    void print(Supplier<String> json, Supplier<String> table) {
        spec.commandLine().getOut().print(this.json ? json.get() : table.get());
    }
}
