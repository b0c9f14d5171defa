package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.licencedesk.shared.Money;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's reading of a file, without a database: whatever bytes arrive, the file is either refused whole with a
 * reason, or each of its rows is either accepted or refused with reasons, exactly once, and nothing else happens (no
 * other exception escapes to fail the import with "an error on our side").
 */
class ImportFileTests {

    static final Plan MONTHLY =
            new Plan(7, "Monthly", Period.ofMonths(1), new Money(1000, Currency.getInstance("EUR")));
    static final ImportFile.Catalogue CATALOGUE = new ImportFile.Catalogue(
            Map.of("monthly", MONTHLY), Map.of("alice@example.test", 11L), LocalDate.of(2026, 6, 1));

    static final PlainText.Validator PLAIN_TEXT = new PlainText.Validator();

    @TempDir
    Path directory;

    /** What a check handed on. */
    static final class Collected implements ImportFile.Rows {
        final List<ImportedRow> accepted = new ArrayList<>();
        final List<Integer> refusedLines = new ArrayList<>();
        final List<Reason> reasons = new ArrayList<>();
        final List<String> columns = new ArrayList<>();

        @Override
        public void accepted(ImportedRow row) {
            accepted.add(row);
        }

        @Override
        public void refused(int line, String column, Reason reason) {
            if (refusedLines.isEmpty() || refusedLines.get(refusedLines.size() - 1) != line) {
                refusedLines.add(line);
            }
            reasons.add(reason);
            columns.add(column);
        }

        @Override
        public void read(long rows, long bytes) {}
    }

    Collected check(String text) throws IOException {
        return check(text.getBytes(StandardCharsets.UTF_8));
    }

    Collected check(byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("f.csv"), bytes);
        var collected = new Collected();
        long rows = new ImportFile(CATALOGUE, new SplittableRandom(1)).check(file, collected);
        assertThat(collected.accepted.size() + collected.refusedLines.size())
                .as("every row is accepted or refused, once")
                .isEqualTo(rows);
        return collected;
    }

    /**
     * A row refused in several cells names them in the order of the file's columns, where the manager reads them: they
     * came in the order the rules are checked in (name, note, plan, screens…) whatever the header said (decision 0168).
     */
    @Test
    void aRowsRefusedCellsComeInTheOrderOfTheFilesColumns() throws IOException {
        var collected = check("""
                screens,activated,plan,note,name
                0,2999-01-01,Weekly,"<b>x</b>",
                """);

        assertThat(collected.columns).containsExactly("screens", "activated", "plan", "note", "name");
    }

    @Test
    void rowsAreReadWithTheirLinesAKeyAndTheirValues() throws IOException {
        var collected = check("""
                name,plan,screens,code,client_email,activated,note
                One,monthly,3,ab12-cd34,ALICE@example.test,2026-05-01,"two
                lines"
                Two,Monthly,1,,,,
                """);

        assertThat(collected.refusedLines).isEmpty();
        var one = collected.accepted.get(0);
        assertThat(one.line()).isEqualTo(2);
        assertThat(one.importKey()).isEqualTo("code:AB12-CD34");
        assertThat(one.givenCode()).isEqualTo("AB12CD34");
        assertThat(one.clientId()).isEqualTo(11L);
        assertThat(one.endsOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(one.note()).isEqualTo("two\nlines");
        var two = collected.accepted.get(1);
        assertThat(two.line()).isEqualTo(4);
        assertThat(two.importKey()).startsWith("file:").endsWith(":4");
        assertThat(two.givenCode()).isNull();
        assertThat(two.drawnCode()).matches("[A-Z0-9]{8}");
    }

    /**
     * A value a refusal repeats is cut to 60 characters between characters: it was cut at 59 UTF-16 units, inside an
     * emoji, which the report showed as "?" (decision 0155).
     */
    @Test
    void aValueARefusalRepeatsIsCutBetweenCharacters() throws IOException {
        String plan = "ab" + "\uD83D\uDE00".repeat(60);

        var collected = check("name,plan,screens\nLobby," + plan + ",1\n");

        assertThat(collected.reasons).hasSize(1);
        assertThat(collected.reasons.get(0).arguments())
                .containsExactly(plan.substring(0, plan.offsetByCodePoints(0, 59)) + "…");
    }

    /**
     * A row whose note holds line breaks was reported at its last line, where the parser noticed its end; a person
     * looks for it at its first (decision 0104). Line breaks are counted as the parser counts them: CRLF once, a CR or
     * an LF alone once, and blank lines between rows count as lines. The key of a row without code or reference keeps
     * the line it ends on, as a file imported before is known by it.
     */
    @Test
    void aRowSpanningLinesIsReportedAtTheLineItStartsOn() throws IOException {
        var collected = check("name,plan,screens,note\r\n"
                + "Lobby,Weekly,1,\"one\r\ntwo\r\nthree\"\r\n" // lines 2-4, refused
                + "\r\n" // line 5, blank
                + "\"Hall\nby the door\",Monthly,0,\"a\rb\"\r\n" // lines 6-8, refused
                + "Kiosk,Monthly,1,\"x\ny\"\r\n" // lines 9-10, accepted
                + "Desk,Monthly,abc,plain\r\n"); // line 11, refused

        assertThat(collected.refusedLines).containsExactly(2, 6, 11);
        var kiosk = collected.accepted.get(0);
        assertThat(kiosk.line()).isEqualTo(9);
        assertThat(kiosk.importKey()).startsWith("file:").endsWith(":10");
    }

    /**
     * The decoder reads thousands of characters ahead of the parser, so the parser's line when decoding failed was
     * that of the last whole chunk: "near line 0" for a small file whose second line held an "é" saved in Latin-1.
     */
    @Test
    void aFileInAnotherEncodingIsRefusedWithTheLineOfItsFirstForeignCharacter() throws IOException {
        String rows = "Lobby,Monthly,1\n".repeat(500);
        byte[] file =
                ("name,plan,screens\n" + rows + "Caf\u00e9,Monthly,1\n" + rows).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refusal(file)).isEqualTo(Reason.of("reason.import.encoding", "502"));
        assertThat(refusal("name,plan,screens\nCaf\u00e9,Monthly,1\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(Reason.of("reason.import.encoding", "2"));
    }

    /**
     * A spreadsheet saved as CSV in French (and many other languages) separates its cells with semicolons, and a file
     * may start with its data: "a column 'name;plan;screens' that the import does not know" said neither.
     */
    @Test
    void aFirstRowWithoutAnyKnownColumnIsRefusedAsAMissingHeaderOrAsSemicolons() throws IOException {
        assertThat(refusal("\uFEFFnom;offre;\u00e9crans\nLobby;Monthly;3\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.semicolons"));
        assertThat(refusal("Lobby,Monthly,3\nHall,Monthly,2\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.noHeader"));
        // saved as "Text (Tab delimited)" and named .csv: it was told to add the header it has
        assertThat(refusal("name\tplan\tscreens\nLobby\tMonthly\t3\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.tabs"));
        assertThat(refusal("name,plan,screens,colour\nA,Monthly,1,red\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.unknownColumn", "colour"));
    }

    /**
     * An export opened in Excel on a French (German, Spanish…) computer and saved as "CSV UTF-8" comes back with a byte
     * order mark, CRLF, cells separated by semicolons, a note's line breaks in quotes, amounts with a decimal comma and
     * days written DD/MM/YYYY, and rows of separators only below the data. The whole file was refused ("separated by
     * semicolons"), and once the semicolons were replaced by hand, every activated row was refused for its dates and
     * each empty row three times over: a manager could not import their own export.
     */
    @Test
    void anExportSavedByExcelInFrenchIsReadWithItsSemicolonsAndItsDays() throws IOException {
        var collected = check("\uFEFFcode;name;note;client_email;client_company;plan;screens;amount;currency;status;"
                + "billing_status;created;activated;ends\r\n"
                + "AB12CD34;Caf\u00e9, hall;\"first line;\nsecond, line\";alice@example.test;;Monthly;3;30,00;EUR;"
                + "active;unbilled;2026-03-01T09:15:42Z;01/03/2026;31/03/2026\r\n"
                + "EF56GH78;Desk;;;;Monthly;1;10,00;EUR;available;unbilled;2026-03-02T10:00:00Z;;\r\n"
                + ";;;;;;;;;;;;;\r\n"
                + ";;;;;;;;;;;;;\r\n");

        assertThat(collected.reasons).isEmpty();
        var active = collected.accepted.get(0);
        assertThat(active.givenCode()).isEqualTo("AB12CD34");
        assertThat(active.name()).isEqualTo("Caf\u00e9, hall");
        assertThat(active.note()).isEqualTo("first line;\nsecond, line");
        assertThat(active.quantity()).isEqualTo(3);
        assertThat(active.clientId()).isEqualTo(11L);
        assertThat(active.activatedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(active.endsOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(collected.accepted).hasSize(2);
        assertThat(collected.accepted.get(1).line()).isEqualTo(4);
    }

    /**
     * A reseller's own spreadsheet names its columns as people write them: "Client E-mail", "E-mail" with its hyphen,
     * read "client_e_mail" and refused the whole file as an unknown column, though it can only mean client_email.
     * Spaces, hyphens and underscores are ignored in a header name, as its case is (decision 0177).
     */
    @Test
    void aHeaderNameIsReadWhateverItsSpacesHyphensAndUnderscores() throws IOException {
        var collected = check("\uFEFFName;PLAN; Screens ;Client E-mail;Client-Company;Billing Status\r\n"
                + "Caf\u00e9;monthly;2;Alice@Example.test ;Alice SARL;unbilled\r\n");

        assertThat(collected.reasons).isEmpty();
        assertThat(collected.accepted).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Caf\u00e9");
            assertThat(row.clientId()).isEqualTo(11L);
            assertThat(row.quantity()).isEqualTo(2);
        });
        assertThat(ImportFile.delimiterOf(Files.write(
                        directory.resolve("h.csv"),
                        "clientemail;name;plan;screens\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(';');
    }

    /**
     * Excel writes a separator for every formatted column beside the data, so the header ends "screens,,": the whole
     * file was refused for a column "" the import did not know, which told nobody what to change. A column without a
     * name is read when its cells are empty; a row with something under it is refused, naming the column by its
     * number and what to do (decision 0177).
     */
    @Test
    void aColumnWithoutANameIsReadWhenItsCellsAreEmpty() throws IOException {
        var collected = check("name,plan,,screens,\r\nOne,Monthly,,1,\r\nTwo,Monthly,,2, \r\nThree,Monthly,x,3,\r\n");

        assertThat(collected.accepted).extracting(ImportedRow::name).containsExactly("One", "Two");
        assertThat(collected.refusedLines).containsExactly(4);
        assertThat(collected.reasons).containsExactly(Reason.of("reason.import.unnamedColumn", "3", "x"));
        assertThat(collected.columns)
                .as("no column is cited for one without a name")
                .containsOnlyNulls();

        // a no-break space is no name either, in the header and in a cell (review); a control character under such a
        // column cites no column, as the column's own refusal does (it cited "")
        var spaces = check("name,plan,screens,\u00a0\r\nOne,Monthly,1,\u00a0\r\nTwo,Monthly,2,\u0001\r\n");
        assertThat(spaces.accepted).extracting(ImportedRow::name).containsExactly("One");
        assertThat(spaces.refusedLines).containsExactly(3);
        assertThat(spaces.reasons).containsExactly(Reason.of("reason.import.controlCharacters"));
        assertThat(spaces.columns).containsOnlyNulls();
    }

    /**
     * A number of screens from a spreadsheet or another system's export often comes as a decimal ("10.0", "10,00" in
     * French): it was refused as not a whole number. A decimal part of zeros only, one or two of them, is read; three
     * ("10.000", "1,000") may be a thousands separator, and any other decimal is not a whole number: both refused,
     * naming the cell and saying what to write (decision 0177).
     */
    @Test
    void aWholeNumberOfScreensWrittenWithADecimalOfZerosIsRead() throws IOException {
        var collected = check("name;plan;screens\r\nOne;Monthly;10.0\r\nTwo;Monthly;10,00\r\nThree;Monthly;3,0\r\n");

        assertThat(collected.reasons).isEmpty();
        assertThat(collected.accepted).extracting(ImportedRow::quantity).containsExactly(10, 10, 3);

        for (String screens : List.of("10.5", "10.000", "1,000", "10.", "1 0", "abc")) {
            var refused = check("name;plan;screens\nOne;Monthly;" + screens + "\n");
            assertThat(refused.reasons)
                    .as(screens)
                    .containsExactly(Reason.of("reason.import.screensNotWhole", screens));
        }
        for (String screens : List.of("0.0", "10001,00", "1234567")) {
            var refused = check("name;plan;screens\nOne;Monthly;" + screens + "\n");
            assertThat(refused.reasons).as(screens).containsExactly(Reason.of("reason.import.screens", "10000"));
        }
    }

    /**
     * German, Austrian, Swiss, Polish and Russian Excel write a date cell DD.MM.YYYY: every activated row of such a
     * file was refused. A day written with dots is always day first (no country writes the month first with dots), so
     * it is read; DD/MM/YYYY stays as it was (decision 0177).
     */
    @Test
    void aDayWrittenWithDotsIsReadDayFirst() throws IOException {
        var collected = check("name;plan;screens;client_email;activated;ends\r\n"
                + "One;Monthly;1;alice@example.test;08.05.2026;7.6.2026\r\n");

        assertThat(collected.reasons).isEmpty();
        assertThat(collected.accepted.get(0).activatedOn()).isEqualTo(LocalDate.of(2026, 5, 8));
        assertThat(collected.accepted.get(0).endsOn()).isEqualTo(LocalDate.of(2026, 6, 7));
        for (String day : List.of("31.02.2026", "08.05.26", "2026.05.08")) {
            var refused =
                    check("name,plan,screens,client_email,activated\nOne,Monthly,1,alice@example.test," + day + "\n");
            assertThat(refused.reasons).as(day).containsExactly(Reason.of("reason.import.date", day));
        }
    }

    /**
     * A cell formatted as a date and time in a spreadsheet ("01/03/2026 00:00") or a timestamp exported by another
     * system ("2026-03-01T09:30:00") was refused as no date: its day is read and its time left out. A time with a zone
     * or an offset, or one that is no time, is still refused.
     */
    @Test
    void aDayWithATimeOfDayIsReadAsItsDay() throws IOException {
        for (String day : List.of(
                "01/03/2026 00:00",
                "01/03/2026 00:00:00",
                "1.3.2026 14:05",
                "2026-03-01 23:59:59",
                "2026-03-01T09:30",
                "2026-03-01T09:30:00.000")) {
            var collected =
                    check("name,plan,screens,client_email,activated\nOne,Monthly,1,alice@example.test," + day + "\n");
            assertThat(collected.reasons).as(day).isEmpty();
            assertThat(collected.accepted.get(0).activatedOn()).as(day).isEqualTo(LocalDate.of(2026, 3, 1));
        }
        for (String day : List.of(
                "2026-03-01T09:30:00Z",
                "2026-03-01T09:30:00+01:00",
                "01/03/2026 24:00",
                "01/03/2026 9",
                "01/03/2026 00:00 PM",
                "3/1/2026 00:00")) {
            var refused =
                    check("name,plan,screens,client_email,activated\nOne,Monthly,1,alice@example.test," + day + "\n");
            assertThat(refused.reasons).as(day).containsExactly(Reason.of("reason.import.date", day));
        }
    }

    /** Only the day-first spelling with its zeros is read: 3/1/2026 may be an American 1 March, so it is refused. */
    @Test
    void aSpreadsheetDayIsReadDayFirstAndOtherSpellingsAreRefused() throws IOException {
        for (String day : List.of("3/1/2026", "31-03-2026", "30/02/2026", "01/13/2026", "2026/03/01")) {
            var collected =
                    check("name,plan,screens,client_email,activated\nOne,Monthly,1,alice@example.test," + day + "\n");
            assertThat(collected.reasons).as(day).containsExactly(Reason.of("reason.import.date", day));
        }
    }

    /**
     * The parser notices a quote that is never closed only at the end of the file: a quote opened on line 2 of a
     * 52-line file was "near line 52". The refusal names the line its record starts on.
     */
    @Test
    void quotesThatDoNotPairUpAreRefusedWithTheLineTheirRecordStartsOn() throws IOException {
        String rows = "Hall,Monthly,1\n".repeat(50);
        assertThat(refusal(("name,plan,screens\n\"Lobby,Monthly,1\n" + rows).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.badQuotes", "2"));
        assertThat(refusal(("name,plan,screens\n" + rows + "\"Lobby\"x,Monthly,1\n" + rows)
                        .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Reason.of("reason.import.badQuotes", "52"));
    }

    private Reason refusal(byte[] bytes) throws IOException {
        try {
            check(bytes);
        } catch (ImportFile.FileRefused refused) {
            return refused.reason();
        }
        return fail("the file was not refused");
    }

    @Test
    void refusesHtmlTagsInANameOrANoteAsTheConsoleDoes() throws IOException {
        var collected = check("""
                name,plan,screens,note
                <script>alert(1)</script>,Monthly,2,
                Lobby,Monthly,2,<b>bold</b>
                Maths: 1 < 2,Monthly,2,a <3 b
                """);

        assertThat(collected.refusedLines).containsExactly(2, 3);
        assertThat(collected.reasons).extracting(Reason::code).containsOnly("reason.import.markup");
        assertThat(collected.accepted).extracting(ImportedRow::name).containsExactly("Maths: 1 < 2");
    }

    /**
     * ISO 8601 reads "+999999999-12-31" and "0001-01-01" as days, but no database column keeps them: H2 stored the
     * first as year -169108099 and shifted the second to "0000-12-30" (Julian days), PostgreSQL refuses the first, and
     * an import is all or nothing. Each date column takes a day written YYYY-MM-DD from 1900 on, as the date fields
     * of the console do (a four-digit year).
     */
    @Test
    void refusesDaysNoDatabaseKeepsInEveryDateColumn() throws IOException {
        List<String> unkept = List.of("+999999999-12-31", "+10000-01-01", "-0001-01-01", "0001-01-01", "1899-12-31");
        for (String column : List.of("activated", "ends")) {
            for (String day : unkept) {
                String activated = column.equals("activated") ? day : "2026-05-01";
                String ends = column.equals("ends") ? day : "";
                var collected = check("name,plan,screens,client_email,activated,ends\nOne,Monthly,1,alice@example.test,"
                        + activated + "," + ends + "\n");

                assertThat(collected.accepted).as(column + " " + day).isEmpty();
                assertThat(collected.reasons)
                        .as(column + " " + day)
                        .extracting(Reason::code)
                        .containsAnyOf("reason.import.date", "reason.import.dateTooEarly");
            }
        }
        var kept = check("""
                name,plan,screens,client_email,activated,ends
                One,Monthly,1,alice@example.test,1900-01-01,9999-12-31
                """);
        assertThat(kept.accepted).extracting(ImportedRow::endsOn).containsExactly(LocalDate.of(9999, 12, 31));
    }

    /**
     * Random files built from the pieces that break CSV files and the import's rules, 3,000 of them from a fixed seed:
     * each ends in a refusal of the whole file or in every row accepted or refused, and an accepted row holds only
     * what the rules allow.
     */
    @Test
    void anyFileEndsInARefusalOrInEveryRowAcceptedOrRefused() throws IOException {
        String[] pieces = {
            "name",
            "plan",
            "screens",
            "code",
            "note",
            "client_email",
            "activated",
            "ends",
            "status",
            "reference",
            "Monthly",
            "monthly",
            "Weekly",
            "1",
            "0",
            "10000",
            "10001",
            "-1",
            "abc",
            "2026-05-01",
            "2027-01-01",
            "31/12/2026",
            "+999999999-12-31",
            "0001-01-01",
            "paused",
            "active",
            "nope",
            "alice@example.test",
            "bob@example.test",
            "AB12CD34",
            "ab-12",
            "=cmd",
            "'=cmd",
            "'",
            "\"",
            "\"\"",
            ",",
            "\n",
            "\r\n",
            "\r",
            " ",
            "\t",
            "é",
            "\u0000",
            "\u0007",
            "\uFEFF",
            "x".repeat(300),
            "<b>",
            "<script>",
            "a < b",
            ""
        };
        var seeds = new SplittableRandom(20261204);
        for (int attempt = 0; attempt < 3_000; attempt++) {
            var random = seeds.split();
            var text = new StringBuilder();
            if (random.nextInt(4) > 0) {
                text.append("name,plan,screens");
                if (random.nextBoolean()) {
                    text.append(",code,note,client_email,activated,ends,status");
                }
                text.append('\n');
            }
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            try {
                Collected collected = check(bytes);
                for (ImportedRow row : collected.accepted) {
                    assertThat(row.name()).isNotBlank().hasSizeLessThanOrEqualTo(Licence.NAME_MAX);
                    assertThat(PLAIN_TEXT.isValid(row.name(), null))
                            .as(row.name())
                            .isTrue();
                    assertThat(PLAIN_TEXT.isValid(row.note(), null))
                            .as(row.note())
                            .isTrue();
                    assertThat(row.quantity()).isBetween(1, Licence.QUANTITY_MAX);
                    assertThat(row.plan()).isEqualTo(MONTHLY);
                    assertThat(row.drawnCode()).matches("[A-Z0-9]{8}");
                    if (row.activatedOn() != null) {
                        assertThat(row.clientId()).isEqualTo(11L);
                        assertThat(row.endsOn()).isAfter(row.activatedOn());
                        assertThat(List.of(row.activatedOn(), row.endsOn()))
                                .allMatch(day -> day.getYear() >= 1900 && day.getYear() <= 9999);
                    }
                    assertThat(row.importKey()).matches("(ref|code|file):.+");
                }
            } catch (ImportFile.FileRefused refused) {
                assertThat(refused.reason().code()).startsWith("reason.import.");
            } catch (RuntimeException | IOException other) {
                fail("Attempt " + attempt + " on " + text.toString().replace("\n", "\\n") + " threw " + other, other);
            }
        }
    }
}
