package dev.graft.cli.verify;

/**
 * One symbolic reference a class makes, as the JVM resolves it when the code runs.
 *
 * @param fromClass the referencing class (internal name)
 * @param fromMember the referencing method ({@code name + descriptor}), or {@code <class>} for a supertype
 * @param kind what is referenced
 * @param owner the class referenced, or whose member is (internal name, or an array descriptor)
 * @param name the member's name; empty for a class reference
 * @param descriptor the member's descriptor; empty for a class reference
 * @param interfaceOwner whether the reference is an interface method reference
 */
record Reference(String fromClass, String fromMember, Kind kind, String owner, String name, String descriptor,
        boolean interfaceOwner) {

    /** What a reference names. */
    enum Kind {
        /** A class or interface. */
        CLASS,
        /** A method or constructor. */
        METHOD,
        /** A field. */
        FIELD
    }

    /** @return the missing thing, as the report prints it: {@code method com.x.Api.hello()V} */
    String target() {
        String type = owner.replace('/', '.');
        return switch (kind) {
            case CLASS -> "class " + type;
            case METHOD -> "method " + type + "." + name + descriptor;
            case FIELD -> "field " + type + "." + name + " " + descriptor;
        };
    }
}
