package dev.graft.example.text;

import dev.graft.Extension;
import dev.graft.example.host.api.Command;
import dev.graft.example.host.api.Host;
import dev.graft.example.text.api.TextFilter;

/** The {@code filter} command: runs its input through every active {@link TextFilter}, in order. */
@Extension
public final class FilterCommand implements Command {

    /** Called by the loader. */
    public FilterCommand() {
    }

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String run(String input, Host host) {
        String text = input;
        for (TextFilter filter : host.extensions(TextFilter.class)) {
            text = filter.apply(text);
        }
        return text;
    }
}
