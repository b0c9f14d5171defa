package io.licencedesk.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a database holds, in a form two databases can be compared by: every table's rows (their count and a digest of
 * their text), every sequence's position, index, constraint and extension. Equal contents mean a restore lost nothing,
 * including what people do not see: sessions, the outbox, Flyway's history and where each id sequence stands.
 */
record DatabaseContents(
        Map<String, String> tables,
        Map<String, String> sequences,
        Map<String, String> indexes,
        Map<String, String> constraints,
        List<String> extensions) {

    static DatabaseContents of(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            Map<String, String> tables = new TreeMap<>();
            for (String table : column(connection, """
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE'""")) {
                tables.put(table, column(connection, """
                                select count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-')
                                from public.%s t""".formatted(table)).get(0));
            }
            return new DatabaseContents(
                    tables,
                    pairs(connection, """
                            select sequencename, coalesce(last_value::text, 'not used')
                            from pg_sequences where schemaname = 'public'"""),
                    pairs(connection, "select indexname, indexdef from pg_indexes where schemaname = 'public'"),
                    // A check constraint is compared by its name: pg_restore creates it from its text as PostgreSQL
                    // printed
                    // it, which PostgreSQL then prints differently ((ARRAY['A'::varchar])::text[] becomes
                    // ARRAY[('A'::varchar)::text]), with the same meaning.
                    pairs(connection, """
                            select conrelid::regclass || '.' || conname,
                                   case contype when 'c' then 'CHECK' else pg_get_constraintdef(oid) end
                            from pg_constraint where connamespace = 'public'::regnamespace"""),
                    column(connection, "select extname || ' ' || extversion from pg_extension order by extname"));
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Map<String, String> pairs(Connection connection, String sql) throws SQLException {
        Map<String, String> pairs = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }
}
