// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for console output: columns sized to their widest cell. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /**
     * Starts a table.
     *
     * @param headers the column headers
     */
    public Table(String... headers) {
        this.columns = headers.length;
        rows.add(headers);
    }

    /**
     * Adds a row; missing cells are blank, {@code null} prints as {@code -}; terminal controls in
     * a cell are removed ({@link Terminal#clean(String)}): cells show server text.
     *
     * @param cells the cells
     * @return this table
     */
    public Table row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length ? (cells[i] == null ? "-" : Terminal.clean(cells[i].toString())) : "";
        }
        rows.add(r);
        return this;
    }

    /**
     * The number of data rows.
     *
     * @return the count
     */
    public int size() {
        return rows.size() - 1;
    }

    @Override
    public String toString() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < columns; i++) {
                sb.append(r[i]);
                if (i < columns - 1) {
                    sb.append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
                }
            }
            sb.append(System.lineSeparator());
            if (n == 0) {
                for (int i = 0; i < columns; i++) {
                    sb.append("-".repeat(width[i])).append(i < columns - 1 ? "  " : "");
                }
                sb.append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
