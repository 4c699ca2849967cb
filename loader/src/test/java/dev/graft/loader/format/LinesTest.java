package dev.graft.loader.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.loader.ExtensionDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line cursor's shortcuts give the JDK's answers. */
class LinesTest {

    @Test
    void whitespaceIsTheJdksForEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), Lines.isWhitespace((char) c), "U+" + Integer.toHexString(c));
        }
    }

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
    void anOrdinalReadInPlaceIsTheOneParseIntReads() {
        String index = "graft-index 1\npoint a.P\n  extension a.B ordinal=010\n  extension a.C ordinal=-5\n"
                + "  extension a.D ordinal=+2147483647\n  extension a.E ordinal=3\n";
        List<ExtensionDescriptor> read = IndexFormat.read(index, "x.idx");
        assertEquals(List.of(10, -5, Integer.MAX_VALUE, 3), read.stream().map(ExtensionDescriptor::ordinal).toList());
    }
}
