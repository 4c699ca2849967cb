package dev.graft.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table: a header and rows, each column as wide as its widest cell, two spaces apart. The
 * last column is not padded, so a long reason does not widen the others.
 */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    /** @param header the column titles */
    public Table(String... header) {
        rows.add(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one per column; {@code null} prints as empty
     * @return this table
     */
    public Table row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, found " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    /** @return whether the table has no row but its header */
    public boolean isEmpty() {
        return rows.size() == 1;
    }

    /** @return the aligned text, one line per row, each ending with a newline */
    @Override
    public String toString() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], cell(row[c]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? cell(row[c]) : String.format("%-" + widths[c] + "s  ", cell(row[c])));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s;
    }
}
