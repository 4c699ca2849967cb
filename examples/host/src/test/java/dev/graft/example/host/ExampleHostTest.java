package dev.graft.example.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the README's first command prints, checked on the plugins the build copied to target/plugins. */
class ExampleHostTest {

    private static String run(String input) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExampleHost.run(Path.of("target/plugins"), input, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loadsTheExamplePluginsAndReportsWhatItFound() {
        String out = run("Hello :)");
        for (String plugin : new String[] {"text", "emoji", "reverse"}) {
            assertTrue(out.matches("(?s).*\\n  " + plugin + " +0\\.1\\.0-SNAPSHOT +LOADED .*"), plugin + " loads:\n" + out);
        }
        assertTrue(out.contains("ACTIVE   dev.graft.example.reverse.Reverse (plugin reverse, ordinal 10)"), out);
        assertTrue(out.contains("SKIPPED  dev.graft.example.emoji.TranslatedEmojiFilter (plugin emoji, ordinal 20)\n"
                + "             reason: needs plugin 'translate'@^1.0.0, which is not installed"), out);
        assertTrue(out.contains("  emoji   -> Hello \uD83D\uDE42\n"), out);
        assertTrue(out.contains("  filter  -> \uD83D\uDE42 olleH\n"), "emoji's filter, then reverse's:\n" + out);
    }
}
