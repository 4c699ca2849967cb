package dev.graft.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.format.ExtensionDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line cursor's in-place reads give the JDK's answers. */
class LinesTest {

    @Test
    void digitsReadInPlaceAgreeWithParseInt() {
        String text = "x 0 7 007 42 999999999 1000000000 -3 +4 4a  2147483648";
        String[] tokens = text.split(" ");
        int from = 0;
        for (String token : tokens) {
            int to = from + token.length();
            int fast = Lines.digits(text, from, to);
            if (fast >= 0) {
                assertEquals(Integer.parseInt(token), fast, token);
            } else {
                boolean plainShort = !token.isEmpty() && token.length() <= 9 && token.chars().allMatch(Character::isDigit);
                assertEquals(false, plainShort, "only signs, long numbers and non-digits are left to parseInt: " + token);
            }
            from = to + 1;
        }
        assertEquals(7, Lines.digits("007", 0, 3));
        assertEquals(-1, Lines.digits("1234567890", 0, 10), "ten digits may overflow: parseInt decides");
    }

    @Test
    void aBinaryNameReadInPlaceEndsWhereIsBinaryNameWouldCutIt() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "ab.Z$_09 \t\u00e9\u0660\u200b\u2003\u0000\ud835\udc9c-";
        for (int round = 0; round < 200_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = b.toString();
            int space = Lines.indexOfWhitespace(line, 0, line.length());
            int cut = space < 0 ? line.length() : space;
            int expected = JavaNames.isBinaryName(line.substring(0, cut)) ? cut : -1;
            assertEquals(expected, JavaNames.binaryNameEnd(line, 0, line.length()), "'" + line + "'");
            assertEquals(reference(line.substring(0, cut)), JavaNames.isBinaryName(line.substring(0, cut)),
                    "'" + line + "'");
            assertEquals(reference(line), JavaNames.isBinaryName(line), "'" + line + "'");
        }
    }

    /** Binary names as the JLS defines them, code point by code point: the oracle for the fast scan. */
    private static boolean reference(String name) {
        if (name.isEmpty()) {
            return false;
        }
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.') {
                if (start) {
                    return false;
                }
                start = true;
            } else if (Character.isIdentifierIgnorable(c)
                    || !(start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c))) {
                return false;
            } else {
                start = false;
            }
        }
        return !start;
    }

    @Test
    void keywordsRecognisedInPlaceAreTheOnesCutOut() {
        Lines lines = Lines.of("point a.P\npointer x\n  extension\textension\nextension\n# extension\n  id   v  \n");
        StringBuilder seen = new StringBuilder();
        List<String> keywords = List.of("point", "extension", "id", "pointe");
        while (lines.advance()) {
            List<Boolean> recognised = new java.util.ArrayList<>();
            for (String k : keywords) {
                recognised.add(lines.is(k)); // before the keyword is cut out, then after one matched
            }
            String keyword = lines.keyword();
            for (int i = 0; i < keywords.size(); i++) {
                assertEquals(keywords.get(i).equals(keyword), recognised.get(i), keywords.get(i) + " on line "
                        + lines.number());
                assertEquals(keywords.get(i).equals(keyword), lines.is(keywords.get(i)));
            }
            seen.append(lines.number()).append(':').append(keyword).append('=').append(lines.value()).append(';');
        }
        assertEquals("1:point=a.P;2:pointer=x;3:extension=extension;4:extension=;6:id=v;", seen.toString());
    }

    @Test
    void anOrdinalReadInPlaceIsTheOneParseIntReads() {
        String index = "graft-index 1\npoint a.P\n  extension a.B ordinal=010\n  extension a.C ordinal=-5\n"
                + "  extension a.D ordinal=+2147483647\n  extension a.E ordinal=3\n";
        List<ExtensionDescriptor> read = IndexFormat.read(index, "x.idx");
        assertEquals(List.of(10, -5, Integer.MAX_VALUE, 3), read.stream().map(ExtensionDescriptor::ordinal).toList());
    }
}
