package dev.graft.format;

/**
 * SemVer 2.0.0 precedence of pre-releases (section 11.4), for {@link Version#compareTo}: one loop
 * over the dot-separated identifiers, with no regular expression, no recursion and no number
 * parsing, so it never throws and needs the same small stack for any input.
 *
 * <p>Numeric identifiers compare numerically: by length, then digit by digit, which is exact
 * because the parser admits no leading zeros, and works for any number of digits. A numeric
 * identifier sorts before an alphanumeric one; alphanumeric ones compare in ASCII order. When all
 * shared identifiers are equal, the longer list is the greater; a release (no pre-release) is
 * greater than any pre-release of it.
 */
final class Precedence {

    private Precedence() {
    }

    /**
     * Compares two pre-releases, each the identifiers joined with dots, or empty for a release.
     *
     * @return negative, zero or positive as {@code a} has lower, equal or higher precedence
     */
    static int comparePrereleases(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty()); // the release is the greater
        }
        int i = 0;
        int j = 0;
        while (true) {
            int endA = identifierEnd(a, i);
            int endB = identifierEnd(b, j);
            int c = compareIdentifiers(a, i, endA, b, j, endB);
            if (c != 0) {
                return c;
            }
            boolean moreA = endA < a.length();
            boolean moreB = endB < b.length();
            if (!moreA || !moreB) {
                return Boolean.compare(moreA, moreB);
            }
            i = endA + 1;
            j = endB + 1;
        }
    }

    private static int identifierEnd(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    private static int compareIdentifiers(String a, int fromA, int endA, String b, int fromB, int endB) {
        boolean numericA = isNumeric(a, fromA, endA);
        boolean numericB = isNumeric(b, fromB, endB);
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        int lengthA = endA - fromA;
        int lengthB = endB - fromB;
        if (numericA && lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (int k = 0; k < Math.min(lengthA, lengthB); k++) {
            int c = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }

    private static boolean isNumeric(String s, int from, int end) {
        for (int k = from; k < end; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }
}
