package dev.graft.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code graft}: the command line. Exit codes: 0 nothing to report, 1 problems found, 2 a usage
 * error or an input that cannot be read (docs/cli.md).
 */
@Command(name = "graft", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What Graft would do with a plugin folder, and whether a plugin links against a host,"
                + " without running plugin code.",
        subcommands = {ListCommand.class, ExplainCommand.class, ConflictsCommand.class, VerifyCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:nothing to report", "1:problems found", "2:usage error, or an input cannot be read"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Exit code: nothing to report. */
    public static final int OK = 0;
    /** Exit code: problems found. */
    public static final int PROBLEMS = 1;
    /** Exit code: a usage error, or an input that cannot be read. */
    public static final int ERROR = 2;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            // the loader's warnings (System.Logger, to java.util.logging) on one line each, on standard error
            System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$s] %5$s%6$s%n");
        }
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line.
     *
     * @param out where results go
     * @param err where errors go
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("graft " + cmd.getCommandName() + ": " + message(e));
            cmd.getErr().flush();
            return ERROR;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    @picocli.CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a command: the usage, on the error stream, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("graft: a command is required: list, explain, conflicts or verify");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ERROR;
    }

    /** The version of graft-cli, from its jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"graft " + (v == null ? "(development build)" : v)};
        }
    }
}
