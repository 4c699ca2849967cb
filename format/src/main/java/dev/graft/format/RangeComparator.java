package dev.graft.format;

/**
 * One plain comparator of a reduced {@link VersionRange}, such as {@code >=1.2.0}.
 *
 * @param operator how a version is compared with {@code version}
 * @param version the bound
 */
record RangeComparator(Operator operator, Version version) {

    /** The operators a range reduces to. */
    enum Operator {
        LT("<"), LTE("<="), GT(">"), GTE(">="), EQ("=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /**
     * Whether a version satisfies this comparator.
     *
     * @param v the version
     * @return {@code true} if it does
     */
    boolean test(Version v) {
        int c = v.compareTo(version);
        return switch (operator) {
            case LT -> c < 0;
            case LTE -> c <= 0;
            case GT -> c > 0;
            case GTE -> c >= 0;
            case EQ -> c == 0;
        };
    }

    @Override
    public String toString() {
        return operator.symbol + version;
    }
}
