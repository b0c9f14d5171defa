package io.licencedesk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * Screens for the device benchmark: one activated screen on each of {@code count} licences spread evenly
 * over the licences that have a client (so over every lifecycle status they can be in). Credentials are
 * derived from the screen's number, so a run can rebuild them without storing them anywhere but in the
 * screens file handed to wrk.
 */
final class DeviceBenchData {

    static final String NAME_PREFIX = "Bench screen ";

    /** A benchmark screen as a device knows it. */
    record BenchScreen(long licenceId, String credential, String fingerprint) {}

    private DeviceBenchData() {}

    static String credential(int number) {
        return "lds_" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("bench-screen-" + number));
    }

    static String fingerprint(int number) {
        return "bench-device-" + number;
    }

    /** Adds the screens unless exactly that many are there already; returns them either way. */
    static List<BenchScreen> ensure(Connection connection, int count) throws SQLException, IOException {
        connection.setAutoCommit(false);
        List<long[]> present = licencesWithBenchScreens(connection);
        if (present.size() == count) {
            return screens(present);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("delete from screen where name like '" + NAME_PREFIX + "%'");
        }
        List<long[]> licences = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select id, organisation_id from licence where client_id is not null order by id")) {
            while (rows.next()) {
                licences.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
        }
        if (licences.size() < count) {
            throw new IllegalStateException("Only " + licences.size() + " licences have a client");
        }
        var copy = new StringBuilder();
        List<long[]> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long[] licence = licences.get((int) ((long) i * licences.size() / count));
            chosen.add(licence);
            copy.append(licence[1])
                    .append('\t')
                    .append(licence[0])
                    .append('\t')
                    .append(NAME_PREFIX)
                    .append(i)
                    .append('\t')
                    // the name's key (decision 0151), as ScreenName.key folds this ASCII name
                    .append(NAME_PREFIX.toLowerCase(Locale.ROOT))
                    .append(i);
            copy.append('\t').append(hex(sha256(credential(i)))).append('\t').append(fingerprint(i));
            copy.append("\t2026-01-01T00:00:00Z\t2026-01-01T00:00:00Z\n");
        }
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "copy screen (organisation_id, licence_id, name, name_key, credential_hash, fingerprint,"
                                + " activated_at, created_at) from stdin",
                        new StringReader(copy.toString()));
        connection.commit();
        try (var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum (analyze) screen");
        }
        return screens(chosen);
    }

    /** The screens file wrk's script reads: "credential fingerprint" per line. */
    static Path writeScreensFile(List<BenchScreen> screens, Path file) throws IOException {
        var text = new StringBuilder();
        for (BenchScreen screen : screens) {
            text.append(screen.credential())
                    .append(' ')
                    .append(screen.fingerprint())
                    .append('\n');
        }
        Files.writeString(file, text);
        return file;
    }

    private static List<long[]> licencesWithBenchScreens(Connection connection) throws SQLException {
        List<long[]> licences = new ArrayList<>();
        try (var statement = connection.prepareStatement(
                "select licence_id, organisation_id from screen where name like ? order by id")) {
            statement.setString(1, NAME_PREFIX + "%");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    licences.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
        }
        return licences;
    }

    private static List<BenchScreen> screens(List<long[]> licences) {
        List<BenchScreen> screens = new ArrayList<>();
        for (int i = 0; i < licences.size(); i++) {
            screens.add(new BenchScreen(licences.get(i)[0], credential(i), fingerprint(i)));
        }
        return screens;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
