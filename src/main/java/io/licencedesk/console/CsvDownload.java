package io.licencedesk.console;

import io.licencedesk.shared.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV file written straight to the response as its rows arrive (docs/csv.md): UTF-8 with a byte order mark,
 * RFC 4180 quoting, every cell neutralised against spreadsheet formulas.
 *
 * <p>The header row is flushed at once, so the download starts before the first row is read. The rows then
 * go through a buffer of our own and the servlet container's response buffer, each sent on when it fills:
 * memory stays constant whatever the number of rows. On a failure half-way the file is deliberately not closed
 * (what our buffer still holds is dropped): the exception reaches the container, which closes the connection
 * without ending the chunked response, so the browser reports a failed download instead of saving a file that
 * looks complete.
 */
final class CsvDownload {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    // The response's writer checks the content length at every write (Spring Security and Spring Session wrap
    // it), and commons-csv writes each cell, comma and quote separately: a fifth of the export's time went there.
    private static final int BUFFER_CHARS = 64 * 1024;

    private final CSVPrinter printer;

    private CsvDownload(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts the download of {@code name-YYYY-MM-DD.csv} with its header row. */
    static CsvDownload start(HttpServletResponse response, String name, LocalDate day, List<String> header)
            throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name + "-" + day + ".csv")
                        .build()
                        .toString());
        var writer = new BufferedWriter(response.getWriter(), BUFFER_CHARS);
        // Excel reads a CSV file without it in the local code page, which garbles every accent.
        writer.write(BYTE_ORDER_MARK);
        var csv = new CsvDownload(new CSVPrinter(writer, CSVFormat.RFC4180));
        csv.row(header);
        csv.printer.flush();
        return csv;
    }

    void row(String... cells) {
        row(Arrays.asList(cells));
    }

    void row(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(SpreadsheetCells::neutralise));
        } catch (IOException closed) {
            throw new UncheckedIOException(closed);
        }
    }

    /** Ends the file once every row is written. */
    void finish() throws IOException {
        printer.close(true);
    }
}
