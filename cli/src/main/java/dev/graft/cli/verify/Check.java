package dev.graft.cli.verify;

import java.util.Optional;

/** Whether one reference resolves, and if not, what the report says. */
final class Check {

    private Check() {
    }

    /**
     * What is missing and why.
     *
     * @param missing the class, or the member, as {@link Reference#target()} names it
     * @param detail where the owner was found, or which loader does not find it
     */
    record Unresolved(String missing, String detail) {
    }

    /**
     * @param resolver the resolver
     * @param from the referencing loader
     * @param ref the reference
     * @return empty if it resolves; otherwise its class, when that is missing, or the member
     */
    static Optional<Unresolved> unresolved(Resolver resolver, ClassSource from, Reference ref) {
        Optional<ClassSource.Found> owner = resolver.type(from, ref.owner());
        String ownerName = Resolver.element(ref.owner()).replace('/', '.');
        if (owner.isEmpty()) {
            return Optional.of(new Unresolved("class " + ownerName, from.label() + " does not find it"));
        }
        boolean found = switch (ref.kind()) {
            case CLASS -> true;
            case METHOD -> resolver.method(owner.get(), ref.name(), ref.descriptor(), ref.interfaceOwner(),
                    ref.owner().startsWith("["));
            case FIELD -> resolver.field(owner.get(), ref.name(), ref.descriptor());
        };
        return found ? Optional.empty()
                : Optional.of(new Unresolved(ref.target(), "not declared by " + ownerName + " (from " + owner.get().how()
                        + ") or its supertypes"));
    }
}
