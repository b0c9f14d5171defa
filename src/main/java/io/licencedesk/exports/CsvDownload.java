package io.licencedesk.exports;

import io.licencedesk.shared.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV file written straight to the response as its rows arrive (docs/csv.md): UTF-8 with a byte order mark,
 * RFC 4180 quoting, every cell neutralised against spreadsheet formulas; separated by commas, or by semicolons with
 * decimal commas in the columns that hold amounts and rates ({@link CsvSeparator}).
 *
 * <p>The header row is flushed at once, so the download starts before the first row is read. The rows then
 * go through a buffer of our own and the servlet container's response buffer, each sent on when it fills:
 * memory stays constant whatever the number of rows. On a failure half-way the file is deliberately not closed
 * (what our buffer still holds is dropped): the exception reaches the container, which closes the connection
 * without ending the chunked response, so the browser reports a failed download instead of saving a file that
 * looks complete.
 */
public final class CsvDownload {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    // Rows are formatted here and handed to the response's writer in blocks of about this size. That writer checks
    // the content length at every call (Spring Security and Spring Session wrap it), and CSVPrinter writes each
    // cell, comma and quote separately, taking a lock each time: most of the export's time went to those calls.
    private static final int BLOCK_CHARS = 64 * 1024;

    private final Writer out;
    private final StringBuilder block = new StringBuilder(BLOCK_CHARS);
    private final CSVFormat format;
    private final char separator;
    private final boolean[] decimalCommas;

    private CsvDownload(Writer out, CsvSeparator separator, boolean[] decimalCommas) {
        this.out = out;
        this.separator = separator.character();
        this.format = CSVFormat.RFC4180.builder().setDelimiter(this.separator).get();
        this.decimalCommas = decimalCommas;
    }

    /**
     * Starts the download of {@code name-YYYY-MM-DD.csv} with its header row; with semicolons, the cells of the
     * {@code decimals} columns (none: {@code Set.of()}) are written with a decimal comma.
     */
    public static CsvDownload start(
            HttpServletResponse response,
            String name,
            LocalDate day,
            List<String> header,
            CsvSeparator separator,
            Set<String> decimals)
            throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name + "-" + day + ".csv")
                        .build()
                        .toString());
        var writer = response.getWriter();
        // Excel reads a CSV file without it in the local code page, which garbles every accent. Written apart:
        // in the block it would make the StringBuilder hold two bytes a character, and widen every cell appended.
        writer.write(BYTE_ORDER_MARK);
        boolean[] decimalCommas = new boolean[header.size()];
        for (int i = 0; i < decimalCommas.length; i++) {
            decimalCommas[i] = separator == CsvSeparator.SEMICOLON && decimals.contains(header.get(i));
        }
        var csv = new CsvDownload(writer, separator, decimalCommas);
        csv.row(header.toArray(String[]::new));
        csv.send();
        csv.out.flush();
        return csv;
    }

    public void row(String... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                String cell = SpreadsheetCells.neutralise(cells[i]);
                if (cell != null && i < decimalCommas.length && decimalCommas[i]) {
                    cell = cell.replace('.', ',');
                }
                if (asItIs(cell)) {
                    if (i > 0) {
                        block.append(separator);
                    }
                    if (cell != null) {
                        block.append(cell);
                    }
                } else {
                    format.print(cell, block, i == 0);
                }
            }
            format.println(block);
            if (block.length() >= BLOCK_CHARS) {
                send();
            }
        } catch (IOException closed) {
            throw new UncheckedIOException(closed);
        }
    }

    // The cells commons-csv writes as they are (RFC 4180, minimal quoting): none (null), or not empty, with no
    // separator, double quote or line break, neither beginning with a character up to '#' nor ending with one up to
    // a space. Most cells are, and are appended directly: CSVFormat.print takes a lock and allocates for each cell,
    // a third of the export's time. Any other cell goes to commons-csv, which quotes it.
    private boolean asItIs(String cell) {
        if (cell == null) {
            return true;
        }
        int last = cell.length() - 1;
        if (last < 0 || cell.charAt(0) <= '#' || cell.charAt(last) <= ' ') {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = cell.charAt(i);
            if (c == separator || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** Ends the file once every row is written. */
    public void finish() throws IOException {
        send();
        out.close();
    }

    private void send() throws IOException {
        out.append(block);
        block.setLength(0);
    }
}
