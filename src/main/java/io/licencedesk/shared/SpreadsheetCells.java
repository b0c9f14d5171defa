package io.licencedesk.shared;

/**
 * Neutralises CSV cells that a spreadsheet would run as a formula (OWASP, "CSV Injection"): a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a single
 * quote in front, which spreadsheets read as "this is text".
 *
 * <p>A cell that already begins with a single quote gets one more, so that {@link #restore} can undo the
 * prefix exactly: an importer removes one leading quote from any cell that has one.
 */
public final class SpreadsheetCells {

    private static final String DANGEROUS_FIRST = "=+-@\t\r'";

    private SpreadsheetCells() {}

    /** The cell as written to a CSV file; null stays null (an empty cell). */
    public static String neutralise(String cell) {
        return cell != null && !cell.isEmpty() && DANGEROUS_FIRST.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The value a cell written by {@link #neutralise} held. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") ? cell.substring(1) : cell;
    }
}
