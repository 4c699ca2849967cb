package dev.graft.loader.format;

import java.util.regex.Pattern;

/**
 * The syntax of the Java names that Graft's files carry: binary class names
 * ({@code com.example.Outer$Nested}) and package names. Identifier characters that Java ignores
 * (control and format characters such as U+0000) are refused, so that two names that look alike
 * are never different names.
 */
public final class JavaNames {

    private static final String START = "[\\p{javaJavaIdentifierStart}&&[^\\p{javaIdentifierIgnorable}]]";
    private static final String PART = "[\\p{javaJavaIdentifierPart}&&[^\\p{javaIdentifierIgnorable}]]";
    private static final Pattern DOTTED = Pattern.compile(START + PART + "*(?:\\." + START + PART + "*)*");

    private JavaNames() {
    }

    /**
     * @param name a candidate binary class name
     * @return whether it is dot-separated Java identifiers ({@code $} allowed)
     */
    public static boolean isBinaryName(String name) {
        return name != null && DOTTED.matcher(name).matches();
    }

    /**
     * @param name a candidate package name
     * @return whether it is dot-separated Java identifiers without {@code $}
     */
    public static boolean isPackageName(String name) {
        return isBinaryName(name) && name.indexOf('$') < 0;
    }
}
