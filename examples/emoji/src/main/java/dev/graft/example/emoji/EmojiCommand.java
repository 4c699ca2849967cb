package dev.graft.example.emoji;

import dev.graft.Extension;
import dev.graft.example.host.api.Command;
import dev.graft.example.host.api.Host;

/** The {@code emoji} command: replaces smileys in its input. Needs no other plugin. */
@Extension
public final class EmojiCommand implements Command {

    /** Called by the loader. */
    public EmojiCommand() {
    }

    @Override
    public String name() {
        return "emoji";
    }

    @Override
    public String run(String input, Host host) {
        return Emoji.replace(input);
    }
}
