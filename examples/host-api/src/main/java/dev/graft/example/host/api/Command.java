package dev.graft.example.host.api;

/**
 * A command the host offers to its user. Plugins contribute commands as extensions; since this
 * interface carries no Graft annotation, a class implementing it directly is indexed under it by
 * the fallback rule.
 */
public interface Command {

    /**
     * @return the name the user types to run the command, for example {@code filter}
     */
    String name();

    /**
     * Runs the command.
     *
     * @param input the text the user gave the command
     * @param host the host, to reach the extensions of other plugins
     * @return the command's output
     */
    String run(String input, Host host);
}
