package io.licencedesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The invoices list, its keyword search, its totals and its export at the dashboard benchmark's scale (about 525,000
 * invoices in one organisation at 1,000,000 licences, {@link DashboardBenchData}), plus another organisation's
 * invoices as noise. Starts the embedded PostgreSQL on the main list's data directory (or {@code --pgdata}), loads
 * what is missing, starts the packaged application with -Xmx512m, signs in as the bench owner and makes a read-only API
 * token, warms up, then times each case one request after another at the client over loopback: the console's
 * {@code GET /invoices} (HTML with its totals), {@code GET /api/v1/invoices} (JSON, limit 25), {@code GET
 * /api/v1/invoices/totals}, and the CSV exports' first byte, first invoice and end. PostgreSQL's execution time of
 * every statement of a request is read back from auto_explain (median of the explained requests); the plans go to
 * target/bench/invoice-plans/.
 *
 * <p>A third, small organisation ({@link #SMALL_ORGANISATION}, {@code --small} invoices) has its own owner, signed in
 * apart: its searches are for terms that the large organisation holds many of and it holds few, so that what a
 * neighbour's matches cost a small organisation's search shows (decision 0169).
 *
 * <p>Run it with {@code bench/run-invoice-list.sh}; options as {@code --name=value}: licences (1000000), clients
 * (10000), pgdata (target/bench/pgdata), noise (50000 invoices in another organisation), small (2000 invoices in the
 * small organisation; 0 for none), warmup (3 rounds of every case), warmup-seconds (60), requests (20), exports (3),
 * explained (3), only (the cases whose name contains one of these comma-separated words; all when absent),
 * middling (the pair the small organisation's searches use; picked once per data directory and kept beside it), fresh
 * (false).
 */
public final class InvoiceListBenchmark {

    private InvoiceListBenchmark() {}

    /** The list pages' target at the server (PRODUCT.md, docs/benchmarks.md). */
    static final int TARGET_P95_MILLIS = 50;

    static final String NOISE_ORGANISATION = "Bench noise Ltd";

    static final String SMALL_ORGANISATION = "Bench small Ltd";
    static final String SMALL_OWNER_EMAIL = "bench-small-owner@bench.test";

    /** How many of each term the small organisation holds: a handful, against thousands in the large one. */
    static final int SMALL_MATCHES = 3;

    /** The common term of the small organisation's cases: a third of the large organisation's invoices hold it. */
    static final String COMMON_TERM = "or";

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern INVOICES = Pattern.compile("\"invoices\":(\\d+)");
    private static final Pattern QUERY_TEXT = Pattern.compile("Query Text: (.*)");

    /** Where a case is asked: the console's page, the API's list, the API's totals, or an export (console or API). */
    enum Surface {
        CONSOLE("/invoices?"),
        API("/api/v1/invoices?limit=25&"),
        TOTALS("/api/v1/invoices/totals?"),
        CONSOLE_EXPORT("/invoices/export.csv?"),
        API_EXPORT("/api/v1/invoices/export?");

        final String prefix;

        Surface(String prefix) {
            this.prefix = prefix;
        }

        boolean export() {
            return this == CONSOLE_EXPORT || this == API_EXPORT;
        }

        boolean console() {
            return this == CONSOLE || this == CONSOLE_EXPORT;
        }

        /** The console names the months {@code issued} and {@code paid}, the API {@code issuedIn} and {@code paidIn}. */
        String address(String query) {
            String own =
                    console() ? query : query.replace("issued=", "issuedIn=").replace("paid=", "paidIn=");
            String address = prefix + own;
            return address.endsWith("?") || address.endsWith("&")
                    ? address.substring(0, address.length() - 1)
                    : address;
        }
    }

    /** One timed case: a name, where, the query string in the console's names, and who asks it. */
    record Case(String name, Surface surface, String query, boolean small) {

        Case(String name, Surface surface, String query) {
            this(name, surface, query, false);
        }
    }

    /** What one case measured. */
    record Result(
            Case benchCase,
            long[] nanos,
            long[] firstRowNanos,
            long matches,
            List<List<PlanLog.Statement>> explained) {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.of(args);
        int licences = options.integer("licences", 1_000_000);
        int clients = options.integer("clients", 10_000);
        int noise = options.integer("noise", 50_000);
        int small = options.integer("small", 2_000);
        List<String> only = options.has("only") ? List.of(options.text("only").split(",")) : List.of();
        int warmup = options.integer("warmup", 3);
        Duration warmupTime = Duration.ofSeconds(options.longNumber("warmup-seconds", 60));
        int requests = options.integer("requests", 20);
        int exports = options.integer("exports", 3);
        int explained = options.integer("explained", 3);
        boolean fresh = options.flag("fresh");
        Path work = Path.of("target", "bench");
        Path dataDirectory = options.path("pgdata", work.resolve("pgdata"));
        Files.createDirectories(work);
        // Picked once for a data directory, and kept beside it: a later ANALYZE samples other rows and could pick
        // another pair, which would compare different searches from one run to the next.
        Path middlingFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-middling-term.txt");
        if (fresh) {
            FileSystemUtils.deleteRecursively(dataDirectory);
            Files.deleteIfExists(middlingFile);
        }

        try (var postgres = BenchPostgres.start(dataDirectory, false);
                var dataSource = MainListBenchmark.dataSource(postgres)) {
            long prepareStart = System.nanoTime();
            JdbcClient jdbc = MainListBenchmark.prepare(dataSource, dataDirectory, licences, clients);
            long organisationId = ExportBenchmark.organisationId(jdbc);
            long invoices;
            long noiseInvoices;
            try (var connection = dataSource.getConnection()) {
                invoices = DashboardBenchData.ensureInvoices(connection, organisationId, LocalDate.now());
                noiseInvoices = ensureNoise(connection, organisationId, noise);
            }
            jdbc.sql("analyze").update();
            String middling = options.has("middling")
                    ? options.text("middling")
                    : Files.exists(middlingFile)
                            ? Files.readString(middlingFile).strip()
                            : middlingTerm(jdbc);
            Files.writeString(middlingFile, middling);
            long smallInvoices = 0;
            if (small > 0) {
                try (var connection = dataSource.getConnection()) {
                    smallInvoices = ensureSmall(connection, organisationId, small, List.of(COMMON_TERM, middling));
                }
            }
            System.out.printf(
                    "Data ready in %.1f s: %,d licences, %,d invoices in the bench organisation, %,d in another,"
                            + " %,d in a small one; invoice table %s with indexes%n",
                    (System.nanoTime() - prepareStart) / 1e9,
                    licences,
                    invoices,
                    noiseInvoices,
                    smallInvoices,
                    jdbc.sql("select pg_size_pretty(pg_total_relation_size('invoice'))")
                            .query(String.class)
                            .single());
            List<Case> cases = new ArrayList<>(cases(jdbc, organisationId));
            cases.addAll(neighbourCases(middling, smallInvoices > 0));
            if (!only.isEmpty()) {
                cases.removeIf(
                        each -> only.stream().noneMatch(word -> each.name().contains(word)));
            }
            System.out.printf(
                    "Middling term \"%s\": %,d invoices of the bench organisation, %,d of the small one%n",
                    middling,
                    containing(jdbc, organisationId, middling),
                    smallInvoices > 0 ? containing(jdbc, smallId(jdbc), middling) : 0);

            var server = MainListBenchmark.startServer(postgres.getPort(), work, "-Dspring.flyway.out-of-order=true");
            try {
                String base = "http://localhost:" + server.port();
                var console = new ConsoleClient(base);
                MainListBenchmark.awaitHealth(console, server.process());
                console.signIn(BenchData.OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                var api = new ApiClient(base, console.makeApiToken("invoice bench " + java.time.Instant.now()));
                var run = new Run(console, api);
                if (smallInvoices > 0) {
                    var smallConsole = new ConsoleClient(base);
                    smallConsole.signIn(SMALL_OWNER_EMAIL, BenchData.OWNER_PASSWORD);
                    run = run.withSmall(smallConsole, new ApiClient(base, smallConsole.makeApiToken("small bench")));
                }

                long warmupStart = System.nanoTime();
                int rounds = 0;
                while (rounds < warmup || System.nanoTime() - warmupStart < warmupTime.toNanos()) {
                    for (Case each : cases) {
                        if (!each.surface().export()) {
                            run.once(each);
                        }
                    }
                    rounds++;
                }
                System.out.printf(
                        "Warm-up: %d rounds of the list and totals cases in %.1f s%n",
                        rounds, (System.nanoTime() - warmupStart) / 1e9);

                String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
                var plans = new PlanLog(dataSource, dataDirectory);
                List<Result> results = new ArrayList<>();
                for (Case each : cases) {
                    results.add(run.measure(each, each.surface().export() ? exports : requests, plans, explained));
                    long[] sorted = results.get(results.size() - 1).nanos().clone();
                    Arrays.sort(sorted);
                    System.out.printf(
                            "  %s %s: p50 %.1f ms%n", label(each.surface()), each.name(), percentile(sorted, 50));
                }
                String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
                writePlans(results, work.resolve("invoice-plans"));

                System.out.printf(
                        "%nInvoice list, %,d invoices in one organisation (+%,d in another, %,d in a small one),"
                                + " PostgreSQL %s, %d cores, Java %s, %s%n",
                        invoices,
                        noiseInvoices,
                        smallInvoices,
                        jdbc.sql("show server_version").query(String.class).single(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        LocalDate.now());
                System.out.printf("Load average before %s, after %s%n", loadBefore, loadAfter);
                print(results, System.out);
            } finally {
                server.process().destroy();
                server.process().waitFor();
            }
        }
    }

    /**
     * Another organisation with {@code count} invoices (copies of the bench organisation's first ones under their own
     * organisation and numbers, counting for no term), unless it has some; returns how many it has. They only have to
     * be there: every query of the list starts from the organisation, and the indexes hold both.
     */
    static long ensureNoise(Connection connection, long organisationId, int count) throws SQLException {
        connection.setAutoCommit(true);
        var jdbc =
                JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
        Long noise = jdbc.sql("select id from organisation where name = ?")
                .param(NOISE_ORGANISATION)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("insert into organisation (name, currency, expiring_soon_days, created_at)"
                                + " values (?, 'EUR', 30, now()) returning id")
                        .param(NOISE_ORGANISATION)
                        .query(Long.class)
                        .single());
        long present = jdbc.sql("select count(*) from invoice where organisation_id = ?")
                .param(noise)
                .query(Long.class)
                .single();
        if (present == 0 && count > 0) {
            jdbc.sql("""
                            insert into invoice (organisation_id, number, licence_id, term_number, billed_term,
                                                 client_id, status, issued_on, due_on, term_start, term_end,
                                                 term_label, seller_name, buyer_name, buyer_company, buyer_email,
                                                 licence_name, coupon_code, plan_name, quantity, unit_price_minor,
                                                 subtotal_minor, vat_rate, vat_minor, total_minor, currency, paid_on,
                                                 payment_reference, created_at)
                            select ?, 'NOISE-' || id, licence_id, term_number, null, client_id, status, issued_on,
                                   due_on, term_start, term_end, term_label, 'Bench noise Ltd', buyer_name,
                                   buyer_company, buyer_email, licence_name, coupon_code, plan_name, quantity,
                                   unit_price_minor, subtotal_minor, vat_rate, vat_minor, total_minor, currency,
                                   paid_on, payment_reference, created_at
                            from invoice where organisation_id = ? order by id limit ?
                            """).params(noise, organisationId, count).update();
            jdbc.sql("vacuum (analyze) invoice").update();
            present = count;
        }
        return present;
    }

    /** What the invoice list's search looks in (InvoiceRepository.SEARCHED_TEXT), for the bench's own SQL. */
    static final String SEARCHED_TEXT = "lower(number || ' ' || buyer_name || ' ' || coalesce(buyer_company, '') || ' '"
            + " || buyer_email || ' ' || licence_name || ' ' || coupon_code || ' ' || coalesce(payment_reference, ''))";

    /**
     * A pair of letters that PostgreSQL's statistics of the index of pairs (V37) put nearest 1.5% of all invoices: under
     * the 2% at which a short term counts as common (decision 0164), so that it is looked for through its pairs, yet
     * held by thousands of the large organisation's invoices. Not one of the small organisation's number prefix.
     */
    static String middlingTerm(JdbcClient jdbc) {
        return jdbc.sql("""
                        select elem from pg_stats s,
                             unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as f(elem, freq)
                        where s.tablename = 'invoice_short_grams_idx' and elem ~ '^[a-z]{2}$'
                          and strpos('small-', elem) = 0 and freq < 0.02
                        order by abs(freq - 0.015), elem
                        limit 1
                        """).query(String.class).optional().orElse("qz");
    }

    /**
     * A small organisation with its own owner (the bench owner's password) and {@code count} invoices, unless it has
     * some: copies of the bench organisation's invoices that hold none of {@code terms}, then {@link #SMALL_MATCHES} of
     * those that hold each term; under their own numbers, counting for no term. Returns how many it has.
     */
    static long ensureSmall(Connection connection, long organisationId, int count, List<String> terms)
            throws SQLException {
        connection.setAutoCommit(true);
        var jdbc =
                JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
        Long small = jdbc.sql("select id from organisation where name = ?")
                .param(SMALL_ORGANISATION)
                .query(Long.class)
                .optional()
                .orElseGet(() -> jdbc.sql("insert into organisation (name, currency, expiring_soon_days, created_at)"
                                + " values (?, 'EUR', 30, now()) returning id")
                        .param(SMALL_ORGANISATION)
                        .query(Long.class)
                        .single());
        if (jdbc.sql("select count(*) from app_user where email = ?")
                        .param(SMALL_OWNER_EMAIL)
                        .query(Long.class)
                        .single()
                == 0) {
            String hash =
                    org.springframework.security.crypto.factory.PasswordEncoderFactories
                            .createDelegatingPasswordEncoder()
                            .encode(BenchData.OWNER_PASSWORD);
            jdbc.sql("insert into app_user (organisation_id, email, password_hash, role, name, created_at)"
                            + " values (?, ?, ?, 'OWNER', 'Small Owner', now())")
                    .params(small, SMALL_OWNER_EMAIL, hash)
                    .update();
        }
        long present = jdbc.sql("select count(*) from invoice where organisation_id = ?")
                .param(small)
                .query(Long.class)
                .single();
        if (present == 0 && count > 0) {
            String none = terms.stream()
                    .map(term -> "strpos(" + SEARCHED_TEXT + ", '" + term.replace("'", "''") + "') = 0")
                    .collect(Collectors.joining(" and "));
            copyInto(jdbc, small, organisationId, none, count);
            for (String term : terms) {
                copyInto(
                        jdbc,
                        small,
                        organisationId,
                        "strpos(" + SEARCHED_TEXT + ", '" + term.replace("'", "''") + "') > 0",
                        SMALL_MATCHES);
            }
            jdbc.sql("vacuum (analyze) invoice").update();
            present = jdbc.sql("select count(*) from invoice where organisation_id = ?")
                    .param(small)
                    .query(Long.class)
                    .single();
        }
        return present;
    }

    private static void copyInto(JdbcClient jdbc, long to, long from, String condition, int count) {
        jdbc.sql("""
                        insert into invoice (organisation_id, number, licence_id, term_number, billed_term,
                                             client_id, status, issued_on, due_on, term_start, term_end,
                                             term_label, seller_name, buyer_name, buyer_company, buyer_email,
                                             licence_name, coupon_code, plan_name, quantity, unit_price_minor,
                                             subtotal_minor, vat_rate, vat_minor, total_minor, currency, paid_on,
                                             payment_reference, created_at)
                        select ?, 'SMALL-' || id, licence_id, term_number, null, client_id, status, issued_on,
                               due_on, term_start, term_end, term_label, 'Bench small Ltd', buyer_name,
                               buyer_company, buyer_email, licence_name, coupon_code, plan_name, quantity,
                               unit_price_minor, subtotal_minor, vat_rate, vat_minor, total_minor, currency,
                               paid_on, payment_reference, created_at
                        from invoice where organisation_id = ? and %s order by id limit ?
                        """.formatted(condition)).params(to, from, count).update();
    }

    static long smallId(JdbcClient jdbc) {
        return jdbc.sql("select id from organisation where name = ?")
                .param(SMALL_ORGANISATION)
                .query(Long.class)
                .single();
    }

    /** How many of the organisation's invoices hold the term, counted without the search's SQL. */
    static long containing(JdbcClient jdbc, long organisationId, String term) {
        return jdbc.sql("select count(*) from invoice where organisation_id = ? and strpos(" + SEARCHED_TEXT
                        + ", ?) > 0")
                .params(organisationId, term)
                .query(Long.class)
                .single();
    }

    /**
     * The middling term in the bench organisation, and the small organisation's searches (and totals) for terms that
     * the bench organisation holds thousands of and it holds {@link #SMALL_MATCHES} of.
     */
    static List<Case> neighbourCases(String middling, boolean withSmall) {
        List<Case> cases = new ArrayList<>();
        for (Surface surface : List.of(Surface.CONSOLE, Surface.API, Surface.TOTALS)) {
            String prefix = surface == Surface.TOTALS ? "totals " : "";
            cases.add(new Case(prefix + "q 2 chars, middling", surface, "q=" + middling));
            if (withSmall) {
                cases.add(new Case("small " + prefix + "first page", surface, "", true));
                cases.add(new Case("small " + prefix + "q common elsewhere", surface, "q=" + COMMON_TERM, true));
                cases.add(new Case("small " + prefix + "q middling elsewhere", surface, "q=" + middling, true));
                cases.add(new Case("small " + prefix + "q 2 chars, rare", surface, "q=qz", true));
            }
        }
        return cases;
    }

    /** The cases, their terms and ids read from the data so that each finds what its name says. */
    static List<Case> cases(JdbcClient jdbc, long organisationId) {
        long invoices = jdbc.sql("select count(*) from invoice where organisation_id = ?")
                .param(organisationId)
                .query(Long.class)
                .single();
        long deepPage = Math.max(1, invoices * 9 / 10 / 25);
        long busiest = jdbc.sql("select client_id from invoice where organisation_id = ? group by client_id"
                        + " order by count(*) desc limit 1")
                .param(organisationId)
                .query(Long.class)
                .single();
        String number = jdbc.sql("select number from invoice where organisation_id = ? order by id offset ? limit 1")
                .params(organisationId, invoices / 2)
                .query(String.class)
                .single();
        String company = jdbc.sql("select buyer_company from invoice where organisation_id = ?"
                        + " and buyer_company is not null order by id offset ? limit 1")
                .params(organisationId, invoices / 3)
                .query(String.class)
                .single();
        String code = jdbc.sql("select coupon_code from invoice where organisation_id = ? order by id offset ? limit 1")
                .params(organisationId, invoices / 4)
                .query(String.class)
                .single();
        YearMonth busyMonth = YearMonth.from(jdbc.sql("select max(issued_on) from invoice where organisation_id = ?")
                        .param(organisationId)
                        .query(LocalDate.class)
                        .single())
                .minusMonths(1);
        String month = busyMonth.toString();
        List<Case> cases = new ArrayList<>();
        for (Surface surface : List.of(Surface.CONSOLE, Surface.API)) {
            cases.add(new Case("first page", surface, ""));
            cases.add(new Case("deep page (90%)", surface, "page=" + deepPage));
            cases.add(new Case("status paid", surface, "status=PAID"));
            cases.add(new Case("overdue", surface, "status=overdue"));
            cases.add(new Case("busiest client", surface, "client=" + busiest));
            cases.add(new Case("issued in " + month, surface, "issued=" + month));
            cases.add(new Case("paid in " + month, surface, "paid=" + month));
            cases.add(new Case("q invoice number", surface, "q=" + number));
            cases.add(new Case("q company", surface, "q=" + ConsoleClient.encode(company)));
            cases.add(new Case("q 3 chars, code", surface, "q=" + ConsoleClient.encode(code.substring(2, 5))));
            cases.add(new Case("q 3 chars, common", surface, "q=ltd"));
            cases.add(new Case("q 2 chars, rare", surface, "q=qz"));
            cases.add(new Case("q 2 chars, common", surface, "q=or"));
            cases.add(new Case("q 1 char", surface, "q=z"));
            cases.add(new Case("q no match", surface, "q=" + BenchData.ABSENT_WORD));
            cases.add(new Case("q 2 chars + overdue", surface, "status=overdue&q=qz"));
            cases.add(
                    new Case("q company + paid in", surface, "paid=" + month + "&q=" + ConsoleClient.encode(company)));
        }
        cases.add(new Case("totals", Surface.TOTALS, ""));
        cases.add(new Case("totals overdue", Surface.TOTALS, "status=overdue"));
        cases.add(new Case("totals q company", Surface.TOTALS, "q=" + ConsoleClient.encode(company)));
        cases.add(new Case("totals q 2 chars, rare", Surface.TOTALS, "q=qz"));
        cases.add(new Case("totals q 2 chars, common", Surface.TOTALS, "q=or"));
        cases.add(new Case("export all", Surface.CONSOLE_EXPORT, ""));
        cases.add(new Case("export all", Surface.API_EXPORT, ""));
        cases.add(new Case("export q company", Surface.API_EXPORT, "q=" + ConsoleClient.encode(company)));
        cases.add(new Case("export q 2 chars, rare", Surface.API_EXPORT, "q=qz"));
        return cases;
    }

    /** Asks the cases of both clients and times them. */
    static final class Run {
        private final ConsoleClient console;
        private final ApiClient api;
        private final ConsoleClient smallConsole;
        private final ApiClient smallApi;
        private final HttpClient streaming = HttpClient.newHttpClient();

        Run(ConsoleClient console, ApiClient api) {
            this(console, api, null, null);
        }

        private Run(ConsoleClient console, ApiClient api, ConsoleClient smallConsole, ApiClient smallApi) {
            this.console = console;
            this.api = api;
            this.smallConsole = smallConsole;
            this.smallApi = smallApi;
        }

        /** The same run, asking the small organisation's cases as its owner. */
        Run withSmall(ConsoleClient smallConsole, ApiClient smallApi) {
            return new Run(console, api, smallConsole, smallApi);
        }

        /**
         * One request of the case, read to its end; returns the matches (the API's total or invoices, the rows of an
         * export, -1 for the console's page) and, for an export, the nanoseconds to its first byte and to its first
         * invoice (the line after the header).
         */
        long[] once(Case each) throws IOException, InterruptedException {
            String address = each.surface().address(each.query());
            if (each.surface().export()) {
                return export(address, each.surface().console());
            }
            var response = each.surface().console()
                    ? (each.small() ? smallConsole : console).get(address)
                    : (each.small() ? smallApi : api).get(address);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(address + " answered " + response.statusCode());
            }
            var count = (each.surface() == Surface.TOTALS ? INVOICES : TOTAL).matcher(response.body());
            long matches = -1;
            if (each.surface() == Surface.TOTALS) {
                matches = 0;
                while (count.find()) {
                    matches += Long.parseLong(count.group(1));
                }
            } else if (count.find()) {
                matches = Long.parseLong(count.group(1));
            }
            return new long[] {matches, 0, 0};
        }

        private long[] export(String address, boolean withSession) throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = withSession
                    ? console.stream(address)
                    : streaming.send(
                            HttpRequest.newBuilder(URI.create(api.base() + address))
                                    .header("Authorization", "Bearer " + api.token())
                                    .timeout(Duration.ofMinutes(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(address + " answered " + response.statusCode());
            }
            long firstByte = 0;
            long firstRow = 0;
            long lines = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    if (firstByte == 0 && read > 0) {
                        firstByte = System.nanoTime() - start;
                    }
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                            if (lines == 1 && firstRow == 0 && i + 1 < read) {
                                firstRow = System.nanoTime() - start;
                            }
                        }
                    }
                    if (lines >= 1 && firstRow == 0 && read > 0 && buffer[read - 1] != '\n') {
                        firstRow = System.nanoTime() - start;
                    }
                }
            }
            return new long[] {Math.max(0, lines - 1), firstByte, firstRow == 0 ? System.nanoTime() - start : firstRow};
        }

        Result measure(Case each, int requests, PlanLog plans, int explained)
                throws IOException, InterruptedException, SQLException {
            long[] nanos = new long[requests];
            long[] firstRows = new long[requests];
            long matches = -1;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                long[] answer = once(each);
                nanos[i] = System.nanoTime() - start;
                firstRows[i] = answer[2];
                matches = answer[0];
            }
            List<List<PlanLog.Statement>> runs = new ArrayList<>();
            if (!each.surface().export() && explained > 0) {
                plans.start();
                try {
                    plans.drain();
                    for (int i = 0; i < explained; i++) {
                        once(each);
                        runs.add(plans.drain());
                    }
                } finally {
                    plans.stop();
                }
            }
            if (each.surface() == Surface.CONSOLE) {
                // The console's page does not say its count in a way worth parsing; the API's twin does.
                matches = -1;
            }
            return new Result(each, nanos, firstRows, matches, runs);
        }
    }

    static void print(List<Result> results, PrintStream out) {
        out.printf(
                "%-9s %-34s %8s %8s %8s %9s %9s  %s%n",
                "where", "case", "p50 ms", "p95 ms", "max ms", "matches", "pg all", "slowest statement (pg ms)");
        double worstList = 0;
        String worstCase = "";
        for (Result result : results) {
            Case each = result.benchCase();
            long[] sorted = result.nanos().clone();
            Arrays.sort(sorted);
            double p95 = percentile(sorted, 95);
            if (!each.surface().export() && p95 > worstList) {
                worstList = p95;
                worstCase = each.surface() + " " + each.name();
            }
            String pg = "";
            String slowest = "";
            if (!result.explained().isEmpty()) {
                double[] all = result.explained().stream()
                        .mapToDouble(run -> run.stream()
                                .mapToDouble(PlanLog.Statement::millis)
                                .sum())
                        .sorted()
                        .toArray();
                pg = "%.2f".formatted(all[all.length / 2]);
                var last = result.explained().get(result.explained().size() - 1);
                var top = last.stream()
                        .max((a, b) -> Double.compare(a.millis(), b.millis()))
                        .orElse(null);
                if (top != null) {
                    slowest = "%.2f %s".formatted(top.millis(), firstLine(top.plan()));
                }
            }
            if (each.surface().export()) {
                long[] firstRows = result.firstRowNanos().clone();
                Arrays.sort(firstRows);
                slowest = "first invoice after %.1f ms (median)".formatted(firstRows[firstRows.length / 2] / 1e6);
            }
            out.printf(
                    "%-9s %-34s %8.1f %8.1f %8.1f %9s %9s  %s%n",
                    label(each.surface()),
                    each.name(),
                    percentile(sorted, 50),
                    p95,
                    sorted[sorted.length - 1] / 1e6,
                    result.matches() < 0 ? "" : "%,d".formatted(result.matches()),
                    pg,
                    slowest);
        }
        out.printf(
                "Highest p95 of a page or totals: %.1f ms (%s); target p95 ≤ %d ms at the server%n",
                worstList, worstCase, TARGET_P95_MILLIS);
        out.println("pg all: PostgreSQL's execution time (auto_explain with ANALYZE) of every statement of one request,"
                + " median of the explained requests; exports: p50/p95/max of the whole download.");
    }

    private static String label(Surface surface) {
        return switch (surface) {
            case CONSOLE -> "console";
            case API -> "api";
            case TOTALS -> "totals";
            case CONSOLE_EXPORT -> "csv cons";
            case API_EXPORT -> "csv api";
        };
    }

    private static void writePlans(List<Result> results, Path directory) throws IOException {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        int n = 0;
        for (Result result : results) {
            n++;
            if (result.explained().isEmpty()) {
                continue;
            }
            var last = result.explained().get(result.explained().size() - 1);
            String name = "%02d-%s-%s.txt"
                    .formatted(
                            n,
                            result.benchCase().surface().name().toLowerCase(),
                            result.benchCase().name().replaceAll("[^A-Za-z0-9]+", "-"));
            Files.writeString(
                    directory.resolve(name),
                    last.stream()
                            .map(statement -> "-- " + statement.millis() + " ms\n" + statement.plan())
                            .collect(Collectors.joining("\n\n")));
        }
    }

    static String firstLine(String plan) {
        var text = QUERY_TEXT.matcher(plan);
        String query = text.find() ? text.group(1) : plan.lines().findFirst().orElse("");
        query = query.replaceAll("\\s+", " ").strip();
        return query.length() > 60 ? query.substring(0, 60) + "…" : query;
    }

    static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
