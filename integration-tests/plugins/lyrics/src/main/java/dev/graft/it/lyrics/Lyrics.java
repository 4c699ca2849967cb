package dev.graft.it.lyrics;

/** The API that plugin player calls when lyrics is installed. */
public final class Lyrics {

    private Lyrics() {
    }

    /**
     * @param track a track name
     * @return its lyrics
     */
    public static String of(String track) {
        return "la la " + track;
    }
}
