package io.licencedesk.licence;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.PlainText;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.SpreadsheetCells;
import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a licence CSV file (docs/csv.md) and checks every row, saving nothing: each row is handed on either
 * as a licence ready to create or as the reasons it is refused, with its line and column.
 *
 * <p>A file that is not a licence CSV at all (a spreadsheet, another encoding, an unknown header, a quote never
 * closed, a line too long to be a licence, nothing in it) is refused whole with {@link FileRefused}: none of it
 * can be imported. The file is read as a stream, so its size does not matter to memory.
 */
final class ImportFile {

    /** The export's columns, in its order, and {@code reference}, an identifier from the system the file came from. */
    static final List<String> COLUMNS = Stream.concat(ExportedLicence.CSV_COLUMNS.stream(), Stream.of("reference"))
            .toList();

    static final Set<String> REQUIRED = Set.of("name", "plan", "screens");

    /** No licence row comes near this many characters (a name, a note and a few short cells). */
    static final int RECORD_LIMIT = 100_000;

    static final int REFERENCE_MAX = 100;

    /** The first day a date column takes; the last is 9999-12-31, the last with a four-digit year. */
    static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * A day as British and French Excel write a date cell when saving as CSV (DD/MM/YYYY, day first, two digits each):
     * the export's ISO days come back that way once the file is opened and saved. Only this spelling is read; the
     * American month-first spelling drops the zeros (3/1/2026), which this refuses rather than misreads.
     */
    private static final Pattern SPREADSHEET_DAY = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{4})");

    /**
     * A day as German, Austrian, Swiss, Polish and Russian Excel write a date cell (DD.MM.YYYY, zeros or not): no
     * country writes the month first with dots, so it is read day first (decision 0177).
     */
    private static final Pattern DOTTED_DAY = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    /**
     * A day followed by a time of day, as a spreadsheet writes a cell formatted as a date and time ("01/03/2026 00:00")
     * and another system exports a timestamp ("2026-03-01T09:30:00"): the day is what a term counts, so the time is
     * left out. A time with a zone or an offset ("…Z", "…+01:00") is not taken: its day depends on where it is read.
     */
    private static final Pattern DAY_AND_TIME =
            Pattern.compile("(\\S+)(?: +|T)(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?");

    /**
     * A number of screens, or one written as a decimal of one or two zeros ("10.0", "10,00") as a spreadsheet or
     * another system exports a number: unambiguous, since a thousands separator is followed by three digits.
     */
    private static final Pattern SCREENS = Pattern.compile("(\\d+)(?:[.,]0{1,2})?");

    /** Anything a person puts between the words of a header name: "Client E-mail", "client_email", "CLIENT EMAIL". */
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s\\p{Z}_-]+");

    private static final Pattern SPACES_ONLY = Pattern.compile("[\\s\\p{Z}]*");

    private static final Map<String, String> COLUMNS_BY_KEY =
            COLUMNS.stream().collect(java.util.stream.Collectors.toMap(ImportFile::columnKey, column -> column));

    private static final Set<String> STATUSES = Set.of("available", "assigned", "active", "paused", "expired");

    private static final PlainText.Validator PLAIN_TEXT = new PlainText.Validator();

    /**
     * What rows are checked against: the organisation's plans by lower-cased name and clients by e-mail, and the
     * latest activation date, the latest any time zone has reached ({@code shared.Today.latestAnywhere}), so that a
     * manager east of the server may give their today.
     */
    record Catalogue(Map<String, Plan> plansByName, Map<String, Long> clientsByEmail, LocalDate today) {}

    /** Where the checked rows go, in the file's order, a refused row's cells in the order of the file's columns. */
    interface Rows {

        void accepted(ImportedRow row);

        void refused(int line, String column, Reason reason);

        /** Called every so often with the rows and bytes read so far. */
        void read(long rows, long bytes);
    }

    /** The file as a whole is not a licence CSV; nothing of it may be imported. */
    static final class FileRefused extends RuntimeException {

        private final transient Reason reason;

        FileRefused(Reason reason) {
            super(reason.toString(), null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private final Catalogue catalogue;
    private final RandomGenerator random;

    ImportFile(Catalogue catalogue, RandomGenerator random) {
        this.catalogue = catalogue;
        this.random = random;
    }

    /**
     * Checks the whole file, row by row.
     *
     * @return the number of data rows read
     * @throws FileRefused when the file is not a licence CSV
     */
    long check(Path file, Rows rows) throws IOException {
        String digest = digestOf(file);
        char delimiter = delimiterOf(file);
        try (var bytes = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                var text = new LimitedReader(new InputStreamReader(bytes, strictUtf8()));
                var parser = CSVParser.builder()
                        .setReader(text)
                        .setFormat(CSVFormat.RFC4180
                                .builder()
                                .setDelimiter(delimiter)
                                .setIgnoreEmptyLines(true)
                                .get())
                        .get()) {
            var records = parser.iterator();
            List<String> header = header(next(records, parser, text, file));
            long count = 0;
            CSVRecord record;
            while ((record = next(records, parser, text, file)) != null) {
                if (record.stream().allMatch(String::isBlank)) {
                    // A row of separators only (",,,," or ";;;;"): Excel writes one for every formatted row below the
                    // data, and each was refused three times over ("the name is empty…") for a row nobody sees.
                    continue;
                }
                count++;
                long lastLine = parser.getCurrentLineNumber();
                check(record, (int) firstLine(record, lastLine), (int) lastLine, header, digest, rows);
                if (count % 10_000 == 0) {
                    rows.read(count, bytes.count);
                }
            }
            if (count == 0) {
                throw new FileRefused(Reason.of("reason.import.noRows"));
            }
            rows.read(count, bytes.count);
            return count;
        }
    }

    /**
     * The line a record starts on, where a person looks for it: the parser tells the line it ends on, which for a note
     * holding line breaks was the record's last (decision 0104). A quoted cell's line breaks are the only ones inside a
     * record, each counted once as the parser counts them (CRLF, CR or LF).
     */
    static long firstLine(CSVRecord record, long lastLine) {
        long breaks = 0;
        for (String cell : record) {
            if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
                continue;
            }
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '\r' || (c == '\n' && (i == 0 || cell.charAt(i - 1) != '\r'))) {
                    breaks++;
                }
            }
        }
        return lastLine - breaks;
    }

    /**
     * The next record, or null at the end; a file that breaks CSV's rules is refused whole, naming the line its
     * broken record starts on. The parser stops where it noticed: a quote opened on line 2 and never closed is
     * noticed at the end of the file, and "near line 5,000" sent the manager to the wrong end of it.
     */
    private static CSVRecord next(
            java.util.Iterator<CSVRecord> records, CSVParser parser, LimitedReader text, Path file) {
        text.startRecord();
        long startsOn = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException broken) {
            Throwable cause = broken.getCause() == null ? broken : broken.getCause();
            String line = Long.toString(startsOn);
            if (cause instanceof RecordTooLong) {
                throw new FileRefused(Reason.of("reason.import.lineTooLong", line, "100,000"));
            }
            if (cause instanceof CharacterCodingException) {
                throw new FileRefused(Reason.of("reason.import.encoding", Long.toString(lineNotInUtf8(file))));
            }
            throw new FileRefused(Reason.of("reason.import.badQuotes", line));
        }
    }

    /**
     * The line of the file's first character that is not UTF-8. The parser cannot tell: the decoder reads thousands of
     * characters ahead of it, so its line is that of the last whole chunk ("near line 0" for a small file). Read again
     * a character at a time, which decodes no further than asked; only a refused file pays for it.
     */
    private static long lineNotInUtf8(Path file) {
        long line = 1;
        try (var text = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), strictUtf8())) {
            for (int c = text.read(); c != -1; c = text.read()) {
                if (c == '\n') {
                    line++;
                }
            }
        } catch (IOException notUtf8) {
            return line;
        }
        return line;
    }

    /**
     * A comma, or a semicolon when the header's cells are separated by semicolons: Excel writes CSV with the list
     * separator of the computer's region, a semicolon in French, German and most of Europe, whatever "CSV (comma
     * delimited)" says, and those managers could not import their own export once opened and saved (decision 0129).
     * Read from the first line that is not blank, leniently: the check itself refuses what is not UTF-8.
     */
    static char delimiterOf(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var text = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file)), decoder)) {
            var line = new StringBuilder();
            for (int c = text.read(); c != -1 && line.length() <= RECORD_LIMIT; c = text.read()) {
                if (c == '\n' || c == '\r') {
                    if (!line.toString().isBlank()) {
                        break;
                    }
                    line.setLength(0);
                } else if (c != '\uFEFF') {
                    line.append((char) c);
                }
            }
            return knownColumns(line.toString(), ",") == 0 && knownColumns(line.toString(), ";") > 0 ? ';' : ',';
        }
    }

    private static long knownColumns(String line, String delimiter) {
        return Arrays.stream(line.split(delimiter, -1))
                .map(cell -> columnName(cell.strip().replace("\"", "")))
                .filter(COLUMNS::contains)
                .count();
    }

    private static List<String> header(CSVRecord record) {
        if (record == null || record.stream().allMatch(String::isBlank)) {
            throw new FileRefused(Reason.of("reason.import.empty"));
        }
        if (record.stream().map(ImportFile::columnName).noneMatch(COLUMNS::contains)) {
            // Not a header at all: cells separated by semicolons (a spreadsheet saved as CSV in French, German…)
            // or by tabs (saved as "Text (Tab delimited)" and renamed) read as one unknown column, and a file without
            // a header starts with a licence. A tab-separated header was told to add a header.
            throw new FileRefused(Reason.of(
                    record.stream().anyMatch(cell -> cell.contains(";"))
                            ? "reason.import.semicolons"
                            : record.stream().anyMatch(cell -> cell.contains("\t"))
                                    ? "reason.import.tabs"
                                    : "reason.import.noHeader"));
        }
        List<String> names = new ArrayList<>();
        for (String cell : record) {
            String name = columnName(cell);
            if (blank(cell)) {
                // A column without a name: Excel writes one for every formatted column beside the data (and
                // "name,plan,screens,," refused the file for a column "" it did not know). Its cells must be empty.
                names.add("");
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw new FileRefused(Reason.of("reason.import.unknownColumn", abbreviate(cell.strip())));
            }
            if (names.contains(name)) {
                throw new FileRefused(Reason.of("reason.import.repeatedColumn", name));
            }
            names.add(name);
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !names.contains(required)) {
                throw new FileRefused(Reason.of("reason.import.missingColumn", required));
            }
        }
        return names;
    }

    /** Empty, or only spaces of any kind (a no-break space too, which {@link String#isBlank()} does not count). */
    private static boolean blank(String cell) {
        return SPACES_ONLY.matcher(cell).matches();
    }

    /** The column a header cell names, or "" when it names none. */
    private static String columnName(String cell) {
        return COLUMNS_BY_KEY.getOrDefault(columnKey(cell), "");
    }

    /**
     * A header name without its case, spaces, hyphens and underscores: "Client E-mail" was read "client_e_mail" and
     * the whole file refused, though it can only mean client_email; no two columns differ only in those (0177).
     */
    private static String columnKey(String cell) {
        return NAME_SEPARATORS.matcher(cell.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private void check(CSVRecord record, int line, int lastLine, List<String> header, String digest, Rows rows) {
        if (record.size() != header.size()) {
            rows.refused(
                    line,
                    null,
                    Reason.of(
                            // Kept with the report as text, which a choice format cannot count: one cell has its own.
                            record.size() == 1 ? "reason.import.cellCount.one" : "reason.import.cellCount",
                            Integer.toString(record.size()),
                            Integer.toString(header.size())));
            return;
        }
        var row = new Row(record, header);
        var refusals = new ArrayList<Refusal>();
        for (int i = 0; i < header.size(); i++) {
            if (ControlCharacters.in(record.get(i))) {
                // under a column without a name, no column is cited (as for the cells such a column must not hold)
                String column = header.get(i).isEmpty() ? null : header.get(i);
                refusals.add(new Refusal(column, Reason.of("reason.import.controlCharacters")));
            }
        }
        if (!refusals.isEmpty()) {
            refusals.forEach(refusal -> rows.refused(line, refusal.column(), refusal.reason()));
            return;
        }
        boolean underUnnamedColumn = false;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty() && !blank(record.get(i))) {
                rows.refused(
                        line,
                        null,
                        Reason.of(
                                "reason.import.unnamedColumn",
                                Integer.toString(i + 1),
                                abbreviate(record.get(i).strip())));
                underUnnamedColumn = true;
            }
        }
        if (underUnnamedColumn) {
            return;
        }

        String name = row.text("name");
        if (name == null) {
            refusals.add(new Refusal("name", Reason.of("reason.import.nameMissing")));
        } else if (Characters.moreThan(name, Licence.NAME_MAX)) {
            refusals.add(new Refusal("name", Reason.of("reason.import.tooLong", Integer.toString(Licence.NAME_MAX))));
        } else if (!PLAIN_TEXT.isValid(name, null)) {
            refusals.add(new Refusal("name", Reason.of("reason.import.markup")));
        }
        String note = row.text("note");
        if (note != null && Characters.moreThan(note, Licence.NOTE_MAX)) {
            refusals.add(new Refusal("note", Reason.of("reason.import.tooLong", Integer.toString(Licence.NOTE_MAX))));
        } else if (!PLAIN_TEXT.isValid(note, null)) {
            refusals.add(new Refusal("note", Reason.of("reason.import.markup")));
        }

        String planName = row.text("plan");
        Plan plan = planName == null ? null : catalogue.plansByName().get(planName.toLowerCase(Locale.ROOT));
        if (planName == null) {
            refusals.add(new Refusal("plan", Reason.of("reason.import.planMissing")));
        } else if (plan == null) {
            refusals.add(new Refusal("plan", Reason.of("reason.import.unknownPlan", abbreviate(planName))));
        }

        String screens = row.text("screens");
        var wholeScreens = screens == null ? null : SCREENS.matcher(screens);
        int quantity = wholeScreens != null && wholeScreens.matches() ? quantity(wholeScreens.group(1)) : 0;
        if (wholeScreens != null && !wholeScreens.matches()) {
            // "10.5", "1,000", "ten": say which cell and what to write, not only that it is wrong.
            refusals.add(new Refusal("screens", Reason.of("reason.import.screensNotWhole", abbreviate(screens))));
        } else if (quantity == 0) {
            refusals.add(
                    new Refusal("screens", Reason.of("reason.import.screens", Integer.toString(Licence.QUANTITY_MAX))));
        }

        String email = row.text("client_email");
        Long clientId = email == null ? null : catalogue.clientsByEmail().get(email.toLowerCase(Locale.ROOT));
        if (email != null && clientId == null) {
            refusals.add(new Refusal("client_email", Reason.of("reason.import.unknownClient", abbreviate(email))));
        }

        String status = row.text("status");
        if (status != null && !STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
            refusals.add(new Refusal("status", Reason.of("reason.import.status", abbreviate(status))));
        }

        LocalDate activatedOn = date(row, "activated", refusals);
        LocalDate endsOn = date(row, "ends", refusals);
        if (activatedOn != null) {
            if (activatedOn.isAfter(catalogue.today())) {
                refusals.add(new Refusal("activated", Reason.of("reason.import.activatedLater")));
            } else if (email == null) {
                refusals.add(new Refusal("activated", Reason.of("reason.import.activatedWithoutClient")));
            }
            if (endsOn != null && !endsOn.isAfter(activatedOn)) {
                refusals.add(new Refusal("ends", Reason.of("reason.import.endsBeforeActivated")));
            }
        } else if (endsOn != null && !row.blank("activated")) {
            // The activation date itself was refused above; its end date waits for it.
        } else if (endsOn != null) {
            refusals.add(new Refusal("ends", Reason.of("reason.import.endsWithoutActivated")));
        }

        String reference = row.text("reference");
        if (reference != null && Characters.moreThan(reference, REFERENCE_MAX)) {
            refusals.add(new Refusal("reference", Reason.of("reason.import.tooLong", Integer.toString(REFERENCE_MAX))));
        }

        if (!refusals.isEmpty()) {
            // Checked in the order the rules need; reported as the file's columns stand, where a person reads them
            refusals.sort(Comparator.comparingInt(refusal -> header.indexOf(refusal.column())));
            refusals.forEach(refusal -> rows.refused(line, refusal.column(), refusal.reason()));
            return;
        }
        String writtenCode = row.text("code");
        String givenCode = validCode(writtenCode);
        String key;
        if (reference != null) {
            key = "ref:" + reference;
        } else if (writtenCode != null) {
            key = "code:" + abbreviate(writtenCode.toUpperCase(Locale.ROOT));
        } else {
            // The line the record ends on, as rows were reported before they were at their first: a file imported
            // then is still known by its multi-line rows.
            key = "file:" + digest + ":" + lastLine;
        }
        rows.accepted(new ImportedRow(
                line,
                key,
                givenCode,
                CouponCode.random(random).value(),
                plan,
                name,
                note,
                quantity,
                clientId,
                "paused".equalsIgnoreCase(status),
                activatedOn,
                activatedOn == null ? null : endsOn == null ? activatedOn.plus(plan.term()) : endsOn));
    }

    private record Refusal(String column, Reason reason) {}

    /** One record's cells by column name, stripped, restored from the export's spreadsheet guard, blank as null. */
    private record Row(CSVRecord record, List<String> header) {

        String text(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                return null;
            }
            String cell = SpreadsheetCells.restore(record.get(index));
            return cell == null || cell.isBlank() ? null : cell.strip();
        }

        boolean blank(String column) {
            return text(column) == null;
        }
    }

    /** The number of screens, or 0 when it is not a whole number from 1 to the most a licence covers. */
    private static int quantity(String cell) {
        if (cell == null || cell.length() > 6 || !cell.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        int quantity = Integer.parseInt(cell);
        return quantity >= 1 && quantity <= Licence.QUANTITY_MAX ? quantity : 0;
    }

    /**
     * A day written YYYY-MM-DD (or as a spreadsheet writes it, with or without a time after it), from
     * {@link #EARLIEST_DAY}. ISO 8601 also reads "+999999999-12-31" and "0001-01-01",
     * which no database column keeps as they are: PostgreSQL refuses the first, failing the whole import, and H2
     * stored another year for it and 0000-12-30 for the second (a Julian day).
     */
    private static LocalDate date(Row row, String column, List<Refusal> refusals) {
        String cell = row.text(column);
        if (cell == null) {
            return null;
        }
        var dayAndTime = DAY_AND_TIME.matcher(cell);
        String dayOnly = dayAndTime.matches() ? dayAndTime.group(1) : cell;
        LocalDate day = null;
        try {
            var spreadsheetDay = SPREADSHEET_DAY.matcher(dayOnly);
            var dottedDay = DOTTED_DAY.matcher(dayOnly);
            day = DAY.matcher(dayOnly).matches()
                    ? LocalDate.parse(dayOnly)
                    : spreadsheetDay.matches()
                            ? LocalDate.parse(spreadsheetDay.group(3) + "-" + spreadsheetDay.group(2) + "-"
                                    + spreadsheetDay.group(1))
                            : dottedDay.matches()
                                    ? LocalDate.of(
                                            Integer.parseInt(dottedDay.group(3)),
                                            Integer.parseInt(dottedDay.group(2)),
                                            Integer.parseInt(dottedDay.group(1)))
                                    : null;
        } catch (DateTimeException noSuchDay) {
            // refused below, as a cell that is no day
        }
        if (day == null) {
            refusals.add(new Refusal(column, Reason.of("reason.import.date", abbreviate(cell))));
        } else if (day.isBefore(EARLIEST_DAY)) {
            refusals.add(new Refusal(column, Reason.of("reason.import.dateTooEarly", abbreviate(cell))));
            return null;
        }
        return day;
    }

    /** The code as a coupon code, if it is one; any other text gets a new code. */
    private static String validCode(String written) {
        if (written == null) {
            return null;
        }
        try {
            return CouponCode.parse(written).value();
        } catch (InvalidCouponCodeException notACode) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return Characters.moreThan(text, 60) ? Characters.first(text, 59) + "…" : text;
    }

    /**
     * The SHA-256 of the file, which keys rows that have neither a reference nor a code; the same pass refuses
     * what is plainly not a UTF-8 text file before any row is read.
     */
    private static String digestOf(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
        try (var in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            byte[] buffer = new byte[1 << 16];
            int read = in.readNBytes(buffer, 0, 8);
            refuseNonText(Arrays.copyOf(buffer, read));
            while (in.read(buffer) >= 0) {
                // Read to the end for the digest.
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void refuseNonText(byte[] start) {
        if (start.length == 0 || (start.length == 3 && (start[0] & 0xFF) == 0xEF)) {
            throw new FileRefused(Reason.of("reason.import.empty"));
        }
        int first = start[0] & 0xFF;
        int second = start.length > 1 ? start[1] & 0xFF : -1;
        // Zip (xlsx, ods, numbers) and the old Office compound format (xls): a spreadsheet renamed .csv.
        if ((first == 'P' && second == 'K') || (first == 0xD0 && second == 0xCF)) {
            throw new FileRefused(Reason.of("reason.import.spreadsheet"));
        }
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
            throw new FileRefused(Reason.of("reason.import.wideEncoding"));
        }
        for (byte b : start) {
            if (b == 0) {
                throw new FileRefused(Reason.of("reason.import.binary"));
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends java.io.FilterInputStream {

        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }
    }

    /**
     * Refuses a record longer than {@link #RECORD_LIMIT} characters, counted from where the parser started
     * it (give or take its read-ahead): a quote that is never closed makes the rest of the file one cell, which
     * would otherwise be held in memory whole. It also drops the byte order mark and refuses NUL characters.
     */
    private static final class LimitedReader extends FilterReader {

        private long sinceRecord;
        private boolean started;

        LimitedReader(Reader in) {
            super(in);
        }

        void startRecord() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read <= 0) {
                return read;
            }
            if (!started) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
                    read--;
                    if (read == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            sinceRecord += read;
            if (sinceRecord > RECORD_LIMIT + (1 << 16)) {
                throw new RecordTooLong();
            }
            return read;
        }
    }

    private static final class RecordTooLong extends IOException {}
}
