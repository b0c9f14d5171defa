package io.licencedesk.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.shared.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The download writes the cells commons-csv would not quote itself, so it must write them exactly as it would. */
class CsvDownloadTests {

    static final List<String> CELLS = List.of(
            "AB12CD34",
            "Lobby screens",
            "Café Müller",
            "名前",
            "2026-03-01T09:15:42Z",
            "1250.00",
            "",
            " ",
            " leading",
            "trailing ",
            "trailing tab\t",
            "!bang",
            "\"quoted\"",
            "#hash",
            "$dollar",
            "a,b",
            "a;b",
            ";semicolon first",
            "a\"b",
            "line\nbreak",
            "carriage\rreturn",
            "crlf\r\n",
            "\ttab",
            "=1+2",
            "-5 screens",
            "'s-Hertogenbosch",
            "x\u0000");

    @Test
    void writesEveryCellAsCsvPrinterWouldInEveryPosition() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String cell : CELLS) {
            rows.add(new String[] {cell, "middle", null});
            rows.add(new String[] {"first", cell, "last"});
            rows.add(new String[] {null, "middle", cell});
        }
        rows.add(new String[] {null});
        rows.add(new String[] {null, null});

        var response = new MockHttpServletResponse();
        var csv = CsvDownload.start(
                response, "licences", LocalDate.of(2026, 3, 1), List.of("a", "b", "c"), CsvSeparator.COMMA, Set.of());
        rows.forEach(csv::row);
        csv.finish();

        assertThat(response.getContentAsString()).isEqualTo(byCsvPrinter(rows));
    }

    /** With semicolons, as CSVPrinter writes them; the decimal columns' cells (here b) with a decimal comma. */
    @Test
    void writesEveryCellWithSemicolonsAsCsvPrinterWouldAndDecimalColumnsWithADecimalComma() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String cell : CELLS) {
            rows.add(new String[] {cell, "12.50", null});
            rows.add(new String[] {"first", "-3.5", cell});
        }
        var response = new MockHttpServletResponse();
        var csv = CsvDownload.start(
                response,
                "invoices",
                LocalDate.of(2026, 3, 1),
                List.of("a", "b", "c"),
                CsvSeparator.SEMICOLON,
                Set.of("b"));
        rows.forEach(csv::row);
        csv.finish();

        List<String[]> expected = rows.stream()
                .map(row -> new String[] {row[0], row[1].replace('.', ','), row[2]})
                .toList();
        var format = CSVFormat.RFC4180.builder().setDelimiter(';').get();
        assertThat(response.getContentAsString()).isEqualTo(byCsvPrinter(expected, format));
        assertThat(response.getContentAsString()).contains("AB12CD34;12,50;\r\n", "first;'-3,5;AB12CD34\r\n");
    }

    private static String byCsvPrinter(List<String[]> rows) throws IOException {
        return byCsvPrinter(rows, CSVFormat.RFC4180);
    }

    private static String byCsvPrinter(List<String[]> rows, CSVFormat format) throws IOException {
        var expected = new StringWriter();
        expected.write('\uFEFF');
        try (var printer = new CSVPrinter(expected, format)) {
            printer.printRecord("a", "b", "c");
            for (String[] row : rows) {
                printer.printRecord(Stream.of(row).map(SpreadsheetCells::neutralise));
            }
        }
        return expected.toString();
    }
}
