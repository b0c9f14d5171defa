package io.licencedesk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Loads one organisation with a staff owner, {@code clients} clients, three plans and {@code licences}
 * licences into a migrated PostgreSQL database with COPY. The secondary indexes of the licence table
 * are dropped during the load and rebuilt from their own definitions afterwards (several times faster).
 *
 * <p>The data is deterministic for a seed and spread over every lifecycle status. Notes carry a common
 * word ({@link #COMMON_WORD}, about 30% of licences), a rare one ({@link #RARE_WORD}, about 1 in 10,000)
 * and never {@link #ABSENT_WORD}.
 */
final class BenchData {

    static final String OWNER_EMAIL = "bench-owner@bench.test";
    static final String OWNER_PASSWORD = "bench-password";
    static final String COMMON_WORD = "portrait";
    static final String RARE_WORD = "zeppelin";
    static final String ABSENT_WORD = "xylograph";

    private static final String[] FIRST = {
        "Alice", "Ben", "Chloé", "Daniel", "Emma", "Farid", "Grace", "Hugo", "Isla", "Jonas", "Karin", "Liam",
        "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yara",
    };
    private static final String[] LAST = {
        "Martin",
        "Okafor",
        "Schmidt",
        "Dubois",
        "Rossi",
        "Nowak",
        "Silva",
        "Jensen",
        "Murphy",
        "Kowalski",
        "García",
        "Novak",
        "Larsen",
        "Fischer",
        "Moreau",
        "Costa",
    };
    private static final String[] COMPANY_A = {
        "Northwind",
        "Harbour",
        "Blue Lantern",
        "City",
        "Mercato",
        "Riverside",
        "Atlas",
        "Pine",
        "Summit",
        "Granite",
        "Velvet",
        "Orchard",
        "Beacon",
        "Copper",
        "Maple",
        "Silver",
    };
    private static final String[] COMPANY_B = {
        "Cafés",
        "Fitness",
        "Hotels",
        "Dental",
        "Foods",
        "Cinemas",
        "Motors",
        "Retail",
        "Pharmacy",
        "Bakeries",
        "Clinics",
        "Gyms",
        "Books",
        "Garden Centres",
    };
    private static final String[] PLACES = {
        "Lobby", "Window", "Reception", "Menu board", "Entrance", "Waiting room", "Counter", "Drive-through",
        "Corridor", "Showroom", "Canteen", "Car park", "Lift", "Meeting room", "Shop floor", "Terrace",
    };
    private static final String[] KINDS = {"display", "screens", "video wall", "kiosk", "totem", "signage"};
    private static final String[] NOTE_WORDS = {
        "landscape",
        "screens",
        "near",
        "the",
        "lift",
        "mounted",
        "on",
        "wall",
        "ceiling",
        "bracket",
        "outdoor",
        "bright",
        "sunlight",
        "opening",
        "hours",
        "weekly",
        "schedule",
        "promotions",
        "menu",
        "prices",
        "installed",
        "by",
        "partner",
        "replace",
        "cable",
        "remote",
        "managed",
        "second",
        "floor",
        "entrance",
    };

    /** Name, term and unit price (minor units) of the three plans, with the share of licences on each. */
    private static final Object[][] PLANS = {
        {"Monthly", "P1M", 1_000L, 20}, {"Quarterly", "P3M", 2_700L, 30}, {"Yearly", "P1Y", 10_000L, 50},
    };

    private static final String COUPON_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int BATCH = 50_000;

    /** What a benchmark needs to know about the data it runs against. */
    record Loaded(
            long organisationId, long busiestClientId, LocalDate today, List<Row> rows, Map<Long, String> clients) {}

    /** One generated licence (kept only when asked, for small runs that check results). */
    record Row(
            long id,
            String couponCode,
            String name,
            String note,
            String planName,
            Long clientId,
            boolean paused,
            LocalDate activatedOn,
            LocalDate endsOn) {}

    private final Random random;
    private final LocalDate today;
    private int rareOneIn = 10_000;

    BenchData(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** Loads the data; keeps the generated rows in memory when {@code keepRows} (small runs only). */
    Loaded load(Connection connection, int licences, int clients, boolean keepRows) throws SQLException, IOException {
        connection.setAutoCommit(false);
        rareOneIn = Math.max(1, Math.min(10_000, licences / 20));
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long organisationId = insertOrganisation(connection);
        long firstClientId = nextId(connection, "app_user");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(OWNER_PASSWORD);
        Map<Long, String> clientText = new HashMap<>();
        var users = new StringBuilder();
        Instant created = Instant.parse("2020-01-01T09:00:00Z");
        users.append(firstClientId)
                .append('\t')
                .append(organisationId)
                .append('\t')
                .append(OWNER_EMAIL);
        users.append('\t')
                .append(hash)
                .append("\tOWNER\tBench Owner\t\\N\t")
                .append(created)
                .append('\n');
        for (int i = 1; i <= clients; i++) {
            String first = pick(FIRST), last = pick(LAST);
            String company = pick(COMPANY_A) + " " + pick(COMPANY_B);
            String email = (first + "." + last + "." + i).toLowerCase() + "@"
                    + company.toLowerCase().replaceAll("[^a-z]", "") + ".example";
            users.append(firstClientId + i)
                    .append('\t')
                    .append(organisationId)
                    .append('\t')
                    .append(email);
            users.append("\t\\N\tCLIENT\t")
                    .append(first)
                    .append(' ')
                    .append(last)
                    .append('\t')
                    .append(company);
            users.append('\t').append(created.plusSeconds(i * 60L)).append('\n');
            if (keepRows) {
                clientText.put(firstClientId + i, (first + " " + last + " " + email + " " + company).toLowerCase());
            }
        }
        copy.copyIn(
                "copy app_user (id, organisation_id, email, password_hash, role, name, company, created_at) from stdin",
                new StringReader(users.toString()));
        restartIdentity(connection, "app_user");

        long[] planIds = insertPlans(connection, organisationId);
        List<String[]> dropped = dropSecondaryIndexes(connection);
        connection.commit();

        long firstLicenceId = nextId(connection, "licence");
        long[] perClient = new long[clients + 1];
        List<Row> rows = keepRows ? new ArrayList<>() : List.of();
        Set<String> codes = new HashSet<>();
        Instant start = Instant.parse("2021-01-01T08:00:00Z");
        long spanSeconds = today.atStartOfDay().toEpochSecond(ZoneOffset.UTC) - start.getEpochSecond();
        var batch = new StringBuilder();
        for (int n = 0; n < licences; n++) {
            long id = firstLicenceId + n;
            int plan = planIndex();
            Instant createdAt = start.plusSeconds(spanSeconds * n / Math.max(licences, 1));
            Row row = licence(id, plan, createdAt, codes, clients, firstClientId);
            if (row.clientId() != null) {
                perClient[(int) (row.clientId() - firstClientId)]++;
            }
            if (keepRows) {
                rows.add(row);
            }
            append(batch, row, organisationId, planIds[plan], plan, createdAt);
            if ((n + 1) % BATCH == 0 || n == licences - 1) {
                copy.copyIn(
                        "copy licence (id, organisation_id, coupon_code, plan_id, term, unit_price_minor, name, note,"
                                + " quantity, client_id, paused, activated_on, ends_on, billing_status, created_at)"
                                + " from stdin",
                        new StringReader(batch.toString()));
                batch.setLength(0);
            }
        }
        restartIdentity(connection, "licence");
        connection.commit();
        rebuild(connection, dropped);
        int busiest = 1;
        for (int i = 1; i <= clients; i++) {
            busiest = perClient[i] > perClient[busiest] ? i : busiest;
        }
        return new Loaded(organisationId, firstClientId + busiest, today, rows, clientText);
    }

    private Row licence(long id, int plan, Instant createdAt, Set<String> codes, int clients, long firstClientId) {
        Period term = Period.parse((String) PLANS[plan][1]);
        LocalDate createdOn = createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        int roll = random.nextInt(100);
        Long client = roll < 15 ? null : firstClientId + clientIndex(clients);
        boolean paused = false;
        LocalDate activatedOn = null;
        if (roll >= 30) {
            // used: activated some time after creation; whether it has expired follows from its dates
            long days = Math.max(0, today.toEpochDay() - createdOn.toEpochDay());
            activatedOn = createdOn.plusDays(days == 0 ? 0 : (long) (random.nextDouble() * Math.min(days, 60)));
            if (roll < 87 && activatedOn.plus(term).isBefore(today)) {
                // most used licences are renewed up to the current term
                while (activatedOn.plus(term).isBefore(today)) {
                    activatedOn = activatedOn.plus(term);
                }
            }
            paused = roll >= 80 && roll < 87;
        }
        LocalDate endsOn = activatedOn == null ? null : activatedOn.plus(term);
        String name = pick(PLACES) + " " + pick(KINDS) + " " + (1 + random.nextInt(40));
        return new Row(
                id, couponCode(codes), name, note(), (String) PLANS[plan][0], client, paused, activatedOn, endsOn);
    }

    private void append(StringBuilder out, Row row, long organisationId, long planId, int plan, Instant createdAt) {
        long unitPrice = (Long) PLANS[plan][2];
        String billing = row.activatedOn() == null
                ? "UNBILLED"
                : new String[] {"UNBILLED", "INVOICED", "PAID", "PAID"}[random.nextInt(4)];
        out.append(row.id()).append('\t').append(organisationId).append('\t').append(row.couponCode());
        out.append('\t')
                .append(planId)
                .append('\t')
                .append(PLANS[plan][1])
                .append('\t')
                .append(unitPrice);
        out.append('\t').append(row.name()).append('\t').append(row.note() == null ? "\\N" : row.note());
        out.append('\t').append(1 + (int) (Math.pow(random.nextDouble(), 3) * 50));
        out.append('\t').append(row.clientId() == null ? "\\N" : row.clientId());
        out.append('\t').append(row.paused());
        out.append('\t').append(row.activatedOn() == null ? "\\N" : row.activatedOn());
        out.append('\t').append(row.endsOn() == null ? "\\N" : row.endsOn());
        out.append('\t').append(billing).append('\t').append(createdAt).append('\n');
    }

    private String note() {
        if (random.nextInt(10) < 3) {
            return null;
        }
        int words = 4 + random.nextInt(10);
        var note = new StringBuilder();
        for (int i = 0; i < words; i++) {
            note.append(i == 0 ? "" : " ").append(pick(NOTE_WORDS));
        }
        if (random.nextInt(100) < 43) {
            note.append(random.nextBoolean() ? " Portrait" : " portrait orientation");
        }
        if (random.nextInt(rareOneIn) == 0) {
            note.append(" zeppelin");
        }
        return note.toString();
    }

    private String couponCode(Set<String> codes) {
        while (true) {
            char[] code = new char[8];
            for (int i = 0; i < code.length; i++) {
                code[i] = COUPON_ALPHABET.charAt(random.nextInt(COUPON_ALPHABET.length()));
            }
            String value = new String(code);
            if (codes.add(value)) {
                return value;
            }
        }
    }

    private int planIndex() {
        int roll = random.nextInt(100);
        return roll < 20 ? 0 : roll < 50 ? 1 : 2;
    }

    /** Skewed: a few clients have many licences, most have a few. */
    private int clientIndex(int clients) {
        return 1 + (int) (Math.pow(random.nextDouble(), 2) * clients) % clients;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private long insertOrganisation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("insert into organisation (name, currency, expiring_soon_days,"
                        + " created_at) values ('Bench Signage Ltd', 'EUR', 30, now()) returning id")) {
            result.next();
            return result.getLong(1);
        }
    }

    private long[] insertPlans(Connection connection, long organisationId) throws SQLException {
        long[] ids = new long[PLANS.length];
        for (int i = 0; i < PLANS.length; i++) {
            try (var statement = connection.prepareStatement("insert into plan (organisation_id, name, term,"
                    + " unit_price_minor, created_at) values (?, ?, ?, ?, now()) returning id")) {
                statement.setLong(1, organisationId);
                statement.setString(2, (String) PLANS[i][0]);
                statement.setString(3, (String) PLANS[i][1]);
                statement.setLong(4, (Long) PLANS[i][2]);
                try (var result = statement.executeQuery()) {
                    result.next();
                    ids[i] = result.getLong(1);
                }
            }
        }
        return ids;
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void restartIdentity(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
                    + table + "))");
        }
    }

    /** Drops the licence indexes that back no constraint, returning their names and definitions. */
    private static List<String[]> dropSecondaryIndexes(Connection connection) throws SQLException {
        List<String[]> dropped = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select indexname, indexdef from pg_indexes where tablename ="
                        + " 'licence' and indexname not in (select conname from pg_constraint)")) {
            while (result.next()) {
                dropped.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] index : dropped) {
                statement.execute("drop index " + index[0]);
            }
        }
        return dropped;
    }

    private static void rebuild(Connection connection, List<String[]> dropped) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set maintenance_work_mem = '1GB'");
            for (String[] index : dropped) {
                statement.execute(index[1]);
            }
            statement.execute("vacuum (analyze) licence");
            statement.execute("vacuum (analyze) app_user");
        }
    }
}
