package dev.graft.cli.verify;

import java.util.Optional;

/**
 * An unresolved reference.
 *
 * @param fromClass the referencing class (binary name)
 * @param fromMember the referencing method ({@code name + descriptor}) or {@code <class>} (a supertype)
 * @param missing what is missing: {@code class com.x.Api}, {@code method com.x.Api.hello()V},
 *     {@code field com.x.Api.NAME Ljava/lang/String;}
 * @param detail where the owner was found, or why it was not
 * @param condition empty for an error; for a conditional problem, why the referencing class never
 *     runs (the extension is skipped: its dependency is absent)
 */
public record Problem(String fromClass, String fromMember, String missing, String detail, Optional<String> condition) {

    /** @return whether the reference is made only by an extension that is skipped, so it is no error */
    public boolean conditional() {
        return condition.isPresent();
    }

    @Override
    public String toString() {
        return (conditional() ? "conditional: " : "") + fromClass + "." + fromMember + " references " + missing
                + ": " + detail + condition.map(c -> " (" + c + ")").orElse("");
    }
}
