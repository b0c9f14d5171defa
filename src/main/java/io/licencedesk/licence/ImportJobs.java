package io.licencedesk.licence;

import io.licencedesk.shared.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Licence imports in plain SQL (V21): the job row, the rows that passed the check, the problems found, and the
 * statements that turn checked rows into licences. Every query names the import's organisation or is reached
 * only from one that did.
 */
@Repository
class ImportJobs {

    private static final String COLUMNS = """
            i.id, i.file_name, i.file_bytes, i.status, u.email as created_by_email, i.created_at, i.rows_read,
            i.bytes_read, i.rows_refused, i.rows_present, i.rows_new_code, i.rows_to_create, i.rows_inserted,
            i.rows_created, i.file_problem, i.problem_argument, i.heartbeat_at, i.checked_at, i.import_started_at,
            i.finished_at
            """;

    private static final RowMapper<LicenceImport> IMPORT = ImportJobs::licenceImport;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportJobs(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    long create(long organisationId, long userId, String fileName, long fileBytes, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into licence_import (organisation_id, created_by, file_name, file_bytes, status,
                                                    created_at, heartbeat_at)
                        values (:organisationId, :userId, :fileName, :fileBytes, 'CHECKING', :now, :now)
                        """)
                .param("organisationId", organisationId)
                .param("userId", userId)
                .param("fileName", fileName)
                .param("fileBytes", fileBytes)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Who uploaded the import (and so confirmed it: only they, or their organisation's staff, can). */
    long createdBy(long id) {
        return jdbc.sql("select created_by from licence_import where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    Optional<LicenceImport> find(long organisationId, long id) {
        return jdbc.sql("select " + COLUMNS + """
                        from licence_import i join app_user u on u.id = i.created_by
                        where i.organisation_id = :organisationId and i.id = :id
                        """)
                .param("organisationId", organisationId)
                .param("id", id)
                .query(IMPORT)
                .optional();
    }

    /** Locks the organisation's import until the transaction ends; false when it has no such import. */
    boolean lock(long organisationId, long id) {
        return jdbc.sql("""
                        select id from licence_import
                        where organisation_id = :organisationId and id = :id
                        for update
                        """)
                .param("organisationId", organisationId)
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The import that created the licence, if one did. */
    Optional<LicenceImport> creatorOf(long organisationId, long licenceId) {
        return jdbc.sql("select " + COLUMNS + """
                        from licence l
                        join licence_import i on i.id = l.import_id and i.organisation_id = l.organisation_id
                        join app_user u on u.id = i.created_by
                        where l.organisation_id = :organisationId and l.id = :licenceId
                        """)
                .param("organisationId", organisationId)
                .param("licenceId", licenceId)
                .query(IMPORT)
                .optional();
    }

    List<LicenceImport> recent(long organisationId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from licence_import i join app_user u on u.id = i.created_by
                        where i.organisation_id = :organisationId
                        order by i.id desc
                        limit :limit
                        """)
                .param("organisationId", organisationId)
                .param("limit", limit)
                .query(IMPORT)
                .list();
    }

    /** One page of the organisation's imports, newest first (ids grow with time), for the REST API's list. */
    List<LicenceImport> page(long organisationId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                        from licence_import i join app_user u on u.id = i.created_by
                        where i.organisation_id = :organisationId
                        order by i.id desc
                        offset :offset rows fetch next :limit rows only
                        """)
                .param("organisationId", organisationId)
                .param("offset", offset)
                .param("limit", limit)
                .query(IMPORT)
                .list();
    }

    long count(long organisationId) {
        return jdbc.sql("select count(*) from licence_import where organisation_id = :organisationId")
                .param("organisationId", organisationId)
                .query(Long.class)
                .single();
    }

    long organisationOf(long id) {
        return jdbc.sql("select organisation_id from licence_import where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** The check's progress; also the heartbeat that tells other nodes this check is alive. */
    void checking(long id, long rowsRead, long bytesRead, Instant now) {
        jdbc.sql("""
                        update licence_import set rows_read = :rowsRead, bytes_read = :bytesRead, heartbeat_at = :now
                        where id = :id and status = 'CHECKING'
                        """)
                .param("id", id)
                .param("rowsRead", rowsRead)
                .param("bytesRead", bytesRead)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Writes checked rows to the staging table: on PostgreSQL with COPY, several times faster than batched inserts
     * for the million rows of a large file; elsewhere (H2) in one batch.
     */
    void stage(long id, List<ImportedRow> rows) {
        batches.execute((ConnectionCallback<Void>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), id, rows);
            } else {
                insert(id, rows);
            }
            return null;
        });
    }

    private static final String STAGED_COLUMNS = "import_id, line, import_key, given_code, drawn_code, coupon_code,"
            + " plan_id, term, unit_price_minor, name, note, quantity, client_id, paused, activated_on, ends_on";

    private static void copy(PGConnection connection, long id, List<ImportedRow> rows) throws SQLException {
        var text = new StringBuilder(rows.size() * 160);
        for (ImportedRow row : rows) {
            text.append(id).append(',').append(row.line()).append(',');
            quoted(text, row.importKey()).append(',');
            if (row.givenCode() != null) {
                text.append(row.givenCode());
            }
            text.append(',').append(row.drawnCode()).append(',');
            text.append(row.givenCode() != null ? row.givenCode() : row.drawnCode())
                    .append(',');
            text.append(row.plan().id()).append(',').append(row.plan().term()).append(',');
            text.append(row.plan().unitPrice().minorUnits()).append(',');
            quoted(text, row.name()).append(',');
            if (row.note() != null) {
                quoted(text, row.note());
            }
            text.append(',').append(row.quantity()).append(',');
            if (row.clientId() != null) {
                text.append(row.clientId());
            }
            text.append(',').append(row.paused() ? 't' : 'f').append(',');
            if (row.activatedOn() != null) {
                text.append(row.activatedOn());
            }
            text.append(',');
            if (row.endsOn() != null) {
                text.append(row.endsOn());
            }
            text.append('\n');
        }
        try {
            connection
                    .getCopyAPI()
                    .copyIn(
                            "copy licence_import_row (" + STAGED_COLUMNS + ") from stdin (format csv)",
                            new StringReader(text.toString()));
        } catch (IOException unreachable) {
            throw new UncheckedIOException(unreachable);
        }
    }

    /** A CSV cell in quotes, quotes doubled: in COPY's CSV format an unquoted empty cell would be NULL. */
    private static StringBuilder quoted(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        return text.append('"');
    }

    private void insert(long id, List<ImportedRow> rows) {
        batches.batchUpdate(
                "insert into licence_import_row (" + STAGED_COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                rows.size(),
                (statement, row) -> {
                    statement.setLong(1, id);
                    statement.setInt(2, row.line());
                    statement.setString(3, row.importKey());
                    statement.setString(4, row.givenCode());
                    statement.setString(5, row.drawnCode());
                    statement.setString(6, row.givenCode() != null ? row.givenCode() : row.drawnCode());
                    statement.setLong(7, row.plan().id());
                    statement.setString(8, row.plan().term().toString());
                    statement.setLong(9, row.plan().unitPrice().minorUnits());
                    statement.setString(10, row.name());
                    statement.setString(11, row.note());
                    statement.setInt(12, row.quantity());
                    if (row.clientId() == null) {
                        statement.setNull(13, Types.BIGINT);
                    } else {
                        statement.setLong(13, row.clientId());
                    }
                    statement.setBoolean(14, row.paused());
                    statement.setDate(15, row.activatedOn() == null ? null : Date.valueOf(row.activatedOn()));
                    statement.setDate(16, row.endsOn() == null ? null : Date.valueOf(row.endsOn()));
                });
    }

    /**
     * Keeps problems in the order the check reported them, numbered from {@code firstNumber}: along the file, and a
     * row's cells in the order of its columns, which the report keeps (ordering by column name listed "activated"
     * before "name" whatever the file's header said).
     */
    void problems(long id, List<ImportProblem> problems, long firstNumber) {
        List<NumberedProblem> numbered = IntStream.range(0, problems.size())
                .mapToObj(i -> new NumberedProblem(problems.get(i), Math.toIntExact(firstNumber + i)))
                .toList();
        batches.batchUpdate("""
                insert into licence_import_problem (import_id, line, column_name, reason, argument, report_order)
                values (?, ?, ?, ?, ?, ?)
                """, numbered, numbered.size(), (statement, each) -> {
            ImportProblem problem = each.problem();
            statement.setLong(1, id);
            statement.setInt(2, problem.line());
            statement.setString(3, problem.column());
            statement.setString(4, problem.reason().code());
            statement.setString(5, argument(problem.reason()));
            statement.setInt(6, each.number());
        });
    }

    private record NumberedProblem(ImportProblem problem, int number) {}

    /**
     * The problems in line order, a line's in the order they were reported (by column name in reports checked before
     * they were numbered), at most {@code limit} of them.
     */
    List<ImportProblem> problems(long id, int limit) {
        var problems = new ArrayList<ImportProblem>();
        eachProblem(id, limit, problems::add);
        return problems;
    }

    void eachProblem(long id, int limit, Consumer<ImportProblem> each) {
        RowCallbackHandler handler = rs -> each.accept(new ImportProblem(
                rs.getInt("line"),
                rs.getString("column_name"),
                reason(rs.getString("reason"), rs.getString("argument"))));
        jdbc.sql("""
                        select line, column_name, reason, argument from licence_import_problem
                        where import_id = :id
                        order by line, report_order, column_name
                        limit :limit
                        """).param("id", id).param("limit", limit).withFetchSize(1000).query(handler);
    }

    /** The file is not a licence CSV: the report says why, and what was staged of it goes. */
    void refuse(long id, Reason why, Instant now) {
        jdbc.sql("""
                        update licence_import
                        set status = 'REFUSED', file_problem = :reason, problem_argument = :argument,
                            finished_at = :now, heartbeat_at = :now
                        where id = :id and status = 'CHECKING'
                        """)
                .param("id", id)
                .param("reason", why.code())
                .param("argument", argument(why))
                .param("now", Timestamp.from(now))
                .update();
        dropRows(id);
    }

    void dropRows(long id) {
        jdbc.sql("delete from licence_import_row where import_id = :id")
                .param("id", id)
                .update();
    }

    /** Rows whose key another row of the file has already: the first one stands, the others are refused. */
    List<ImportProblem> repeatedKeys(long id) {
        return jdbc.sql("""
                        select line, import_key, first_line from (
                            select line, import_key, min(line) over (partition by import_key) as first_line
                            from licence_import_row where import_id = :id) r
                        where line <> first_line
                        order by line
                        """)
                .param("id", id)
                .query((rs, row) -> new ImportProblem(
                        rs.getInt("line"),
                        rs.getString("import_key").startsWith("ref:") ? "reference" : "code",
                        Reason.of("reason.import.repeated", Integer.toString(rs.getInt("first_line")))))
                .list();
    }

    /**
     * Drops these rows, a thousand lines per statement. The lines are read first and named here: as a subquery with a
     * window, H2 ran the window again for every row of the table.
     */
    void dropLines(long id, List<Integer> lines) {
        for (List<Integer> some : thousands(lines)) {
            jdbc.sql("delete from licence_import_row where import_id = :id and line in (:lines)")
                    .param("id", id)
                    .param("lines", some)
                    .update();
        }
    }

    private static <T> List<List<T>> thousands(List<T> values) {
        var parts = new ArrayList<List<T>>();
        for (int from = 0; from < values.size(); from += 1000) {
            parts.add(values.subList(from, Math.min(values.size(), from + 1000)));
        }
        return parts;
    }

    /**
     * Which of these codes another organisation's licence has. The check asks for each batch before staging it, so
     * that a row whose given code is taken is staged under its drawn code once: rewriting the staged rows afterwards
     * wrote each of them twice, 18.7 s of a 1,000,000-row check whose codes were all taken (decision 0103). A code the
     * organisation's own licence has marks the row as present instead ({@link #dropPresent}).
     */
    Set<String> codesOfOtherOrganisations(long organisationId, List<String> codes) {
        var taken = new HashSet<String>();
        for (List<String> some : thousands(codes)) {
            taken.addAll(jdbc.sql("""
                            select coupon_code from licence
                            where coupon_code in (:codes) and organisation_id <> :organisationId
                            """)
                    .param("codes", some)
                    .param("organisationId", organisationId)
                    .query(String.class)
                    .list());
        }
        return taken;
    }

    /**
     * Drops the rows the organisation has already: imported before under their key, or its own by code.
     *
     * <p>Each lookup is a scalar subquery, run per row through a unique index, and the code's is looked up by the code
     * alone (codes are unique across organisations). Written as EXISTS, or with the organisation beside the code,
     * PostgreSQL planned with statistics that predate a large import (or miss the rows the import's own transaction
     * has just inserted): it estimated the organisation's licences at one row and scanned all of them for every
     * staged row, which took minutes at 1,000,000 rows instead of seconds.
     *
     * <p>For the same reason the key's lookup leads with the key and writes {@code organisation_id + 0}: no index
     * starts with that expression, so the only one that fits is the unique index on key and organisation (V30), and
     * the plan no longer depends on statistics. With a plain {@code organisation_id = :organisationId}, statistics
     * that put the organisation at a few licences made every index on the organisation look cheaper (decision 0099).
     */
    int dropPresent(long id, long organisationId) {
        return jdbc.sql("""
                        delete from licence_import_row r
                        where r.import_id = :id
                          and ((select l.id from licence l
                                where l.import_key = r.import_key and l.organisation_id + 0 = :organisationId) is not null
                               or (select l.organisation_id from licence l where l.coupon_code = r.given_code)
                                  = :organisationId)
                        """)
                .param("id", id)
                .param("organisationId", organisationId)
                .update();
    }

    /**
     * Gives rows their drawn code where an earlier row of the file has the same given code, and answers how many rows
     * get a new code in all. Codes another organisation has were drawn over before staging
     * ({@link #codesOfOtherOrganisations}); one taken since is met by the import step, which draws again.
     */
    long drawCodesWhereRepeated(long id) {
        List<Integer> repeated =
                jdbc.sql("""
                        select line from (
                            select line, row_number() over (partition by given_code order by line) as nth
                            from licence_import_row where import_id = :id and given_code is not null) r
                        where nth > 1
                        """).param("id", id).query(Integer.class).list();
        for (List<Integer> some : thousands(repeated)) {
            jdbc.sql("""
                            update licence_import_row set coupon_code = drawn_code, given_code = null
                            where import_id = :id and line in (:lines)
                            """).param("id", id).param("lines", some).update();
        }
        return jdbc.sql("select count(*) from licence_import_row where import_id = :id and given_code is null")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    long stagedRows(long id) {
        return jdbc.sql("select count(*) from licence_import_row where import_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    void checked(long id, long rowsRead, long refused, long present, long newCode, long toCreate, Instant now) {
        jdbc.sql("""
                        update licence_import
                        set status = 'CHECKED', rows_read = :rowsRead, rows_refused = :refused,
                            rows_present = :present, rows_new_code = :newCode, rows_to_create = :toCreate,
                            checked_at = :now, heartbeat_at = :now
                        where id = :id and status = 'CHECKING'
                        """)
                .param("id", id)
                .param("rowsRead", rowsRead)
                .param("refused", refused)
                .param("present", present)
                .param("newCode", newCode)
                .param("toCreate", toCreate)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Confirmed by the manager: answers false when the import is not (or no longer) a checked one. */
    boolean startImport(long organisationId, long id, String claimedBy, Instant now) {
        return jdbc.sql("""
                                update licence_import
                                set status = 'IMPORTING', claimed_by = :claimedBy, import_started_at = :now,
                                    heartbeat_at = :now, rows_inserted = 0
                                where organisation_id = :organisationId and id = :id and status = 'CHECKED'
                                """)
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .param("claimedBy", claimedBy)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean discard(long organisationId, long id, Instant now) {
        boolean discarded = jdbc.sql("""
                                update licence_import set status = 'DISCARDED', finished_at = :now
                                where organisation_id = :organisationId and id = :id
                                  and status in ('CHECKED', 'REFUSED', 'INTERRUPTED')
                                """)
                        .param("organisationId", organisationId)
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
        if (discarded) {
            dropRows(id);
        }
        return discarded;
    }

    /** The import's progress, written in its own transaction; also its heartbeat. */
    void importing(long id, String claimedBy, long inserted, Instant now) {
        jdbc.sql("""
                        update licence_import set rows_inserted = :inserted, heartbeat_at = :now
                        where id = :id and status = 'IMPORTING' and claimed_by = :claimedBy
                        """)
                .param("id", id)
                .param("claimedBy", claimedBy)
                .param("inserted", inserted)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The heartbeat alone, from the node that holds the import, while it waits for its turn or runs a step. */
    void beat(long id, String claimedBy, Instant now) {
        jdbc.sql("""
                        update licence_import set heartbeat_at = :now
                        where id = :id and status = 'IMPORTING' and claimed_by = :claimedBy
                        """)
                .param("id", id)
                .param("claimedBy", claimedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The heartbeat of a check this node has queued or runs. */
    void beatCheck(long id, Instant now) {
        jdbc.sql("update licence_import set heartbeat_at = :now where id = :id and status = 'CHECKING'")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    int[] lineRange(long id) {
        return jdbc.sql("select min(line) as first, max(line) as last from licence_import_row where import_id = :id")
                .param("id", id)
                .query((rs, row) -> new int[] {rs.getInt("first"), rs.getInt("last")})
                .single();
    }

    /**
     * Creates the licences of these lines, in the file's order. A row whose key the organisation has meanwhile, or
     * whose code a licence took meanwhile, fails the statement with a unique violation ({@code DuplicateKeyException}):
     * the caller rolls the step back to its savepoint and runs {@link #insertLicencesSkippingConflicts}. Without
     * {@code ON CONFLICT} each row is inserted without first being looked up in the unique indexes (decision 0111).
     */
    int insertLicences(long id, long organisationId, int fromLine, int toLine, Instant now) {
        return insert(id, organisationId, fromLine, toLine, now, "");
    }

    /**
     * As {@link #insertLicences}, but a row whose key or code meets another licence is skipped by ON CONFLICT
     * without aborting the transaction: the caller tells the two apart ({@link #rowsLeft}).
     */
    int insertLicencesSkippingConflicts(long id, long organisationId, int fromLine, int toLine, Instant now) {
        return insert(id, organisationId, fromLine, toLine, now, " on conflict do nothing");
    }

    private int insert(long id, long organisationId, int fromLine, int toLine, Instant now, String onConflict) {
        return jdbc.sql("""
                        insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,
                                             note, quantity, client_id, paused, activated_on, ends_on,
                                             billing_status, created_at, import_key, import_id)
                        select :organisationId, r.coupon_code, r.plan_id, r.term, r.unit_price_minor, r.name,
                               r.note, r.quantity, r.client_id, r.paused, r.activated_on, r.ends_on,
                               'UNBILLED', :now, r.import_key, r.import_id
                        from licence_import_row r
                        where r.import_id = :id and r.line between :fromLine and :toLine
                        order by r.line
                        """ + onConflict)
                .param("id", id)
                .param("organisationId", organisationId)
                .param("fromLine", fromLine)
                .param("toLine", toLine)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Rows not created and not present: their code was taken by another licence between the check and the import (a
     * drawn code can also meet another organisation's licence or another row's code here). Scalar subqueries, for the
     * reasons given at {@link #dropPresent}: the import's own rows are not in the statistics.
     */
    List<Integer> rowsLeft(long id, long organisationId) {
        return jdbc.sql("""
                        select r.line from licence_import_row r
                        where r.import_id = :id
                          and (select l.id from licence l
                               where l.import_key = r.import_key and l.organisation_id + 0 = :organisationId) is null
                          and coalesce((select l.organisation_id from licence l where l.coupon_code = r.given_code), 0)
                              <> :organisationId
                        order by r.line
                        """)
                .param("id", id)
                .param("organisationId", organisationId)
                .query(Integer.class)
                .list();
    }

    void redraw(long id, int line, String code) {
        jdbc.sql("""
                        update licence_import_row set coupon_code = :code, given_code = null
                        where import_id = :id and line = :line
                        """).param("id", id).param("line", line).param("code", code).update();
    }

    /** What an import that did not create every checked row did with them, for its report. */
    record AfterImport(long presentMeanwhile, long newCodes) {}

    /**
     * After the import's inserts, when it did not create every checked row: the rows the organisation got meanwhile
     * through a licence this import did not make (by key or by code: most often another check of the same file,
     * confirmed first), and the licences it made under a code other than the file's. Without it, such an import's
     * report said "Imported 0" beside "Already in LicenceDesk 0" and "Get a new code 2", the check's figures. Scalar
     * subqueries, for the reasons given at {@link #dropPresent}.
     */
    AfterImport afterImport(long id, long organisationId) {
        return jdbc.sql("""
                        select count(case when coalesce((select coalesce(l.import_id, 0) from licence l
                                                          where l.import_key = r.import_key
                                                            and l.organisation_id + 0 = :organisationId), :id) <> :id
                                            or coalesce((select case when l.organisation_id = :organisationId
                                                                     then coalesce(l.import_id, 0) end
                                                         from licence l where l.coupon_code = r.given_code), :id) <> :id
                                          then 1 end) as present_meanwhile,
                               count(case when r.given_code is null
                                           and (select l.import_id from licence l
                                                where l.import_key = r.import_key
                                                  and l.organisation_id + 0 = :organisationId) = :id
                                          then 1 end) as new_codes
                        from licence_import_row r
                        where r.import_id = :id
                        """)
                .param("id", id)
                .param("organisationId", organisationId)
                .query((rs, row) -> new AfterImport(rs.getLong("present_meanwhile"), rs.getLong("new_codes")))
                .single();
    }

    /** The report's figures as the import left them: its rows present meanwhile join those present at the check. */
    void refigure(long id, AfterImport after) {
        jdbc.sql("""
                        update licence_import
                        set rows_present = rows_present + :presentMeanwhile, rows_new_code = :newCodes
                        where id = :id
                        """)
                .param("id", id)
                .param("presentMeanwhile", after.presentMeanwhile())
                .param("newCodes", after.newCodes())
                .update();
    }

    /** The last statement of the import's transaction: false when another node has taken the import over. */
    boolean imported(long id, String claimedBy, long created, Instant now) {
        return jdbc.sql("""
                                update licence_import
                                set status = 'IMPORTED', rows_created = :created, rows_inserted = :created,
                                    finished_at = :now, heartbeat_at = :now
                                where id = :id and status = 'IMPORTING' and claimed_by = :claimedBy
                                """)
                        .param("id", id)
                        .param("claimedBy", claimedBy)
                        .param("created", created)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Imports confirmed whose node has stopped beating: another node takes them over. */
    List<Long> stalledImports(Instant staleBefore) {
        return jdbc.sql("select id from licence_import where status = 'IMPORTING' and heartbeat_at < :before")
                .param("before", Timestamp.from(staleBefore))
                .query(Long.class)
                .list();
    }

    boolean takeOver(long id, String claimedBy, Instant staleBefore, Instant now) {
        return jdbc.sql("""
                                update licence_import set claimed_by = :claimedBy, heartbeat_at = :now,
                                                          import_started_at = :now, rows_inserted = 0
                                where id = :id and status = 'IMPORTING' and heartbeat_at < :before
                                """)
                        .param("id", id)
                        .param("claimedBy", claimedBy)
                        .param("before", Timestamp.from(staleBefore))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Checks whose node stopped: their file was on that node, so they end, with nothing saved. */
    List<Long> interruptStalledChecks(Instant staleBefore, Instant now) {
        List<Long> ids = jdbc.sql("select id from licence_import where status = 'CHECKING' and heartbeat_at < :before")
                .param("before", Timestamp.from(staleBefore))
                .query(Long.class)
                .list();
        var interrupted = new ArrayList<Long>();
        for (long id : ids) {
            int changed = jdbc.sql("""
                            update licence_import set status = 'INTERRUPTED', finished_at = :now
                            where id = :id and status = 'CHECKING' and heartbeat_at < :before
                            """)
                    .param("id", id)
                    .param("before", Timestamp.from(staleBefore))
                    .param("now", Timestamp.from(now))
                    .update();
            if (changed == 1) {
                interrupted.add(id);
            }
        }
        return interrupted;
    }

    private static String argument(Reason reason) {
        return reason.arguments().isEmpty()
                ? null
                : String.join(
                        "\u001F",
                        reason.arguments().stream().map(String::valueOf).toList());
    }

    private static Reason reason(String code, String argument) {
        return argument == null ? Reason.of(code) : Reason.of(code, (Object[]) argument.split("\u001F", -1));
    }

    private static LicenceImport licenceImport(ResultSet rs, int row) throws SQLException {
        String problem = rs.getString("file_problem");
        return new LicenceImport(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getLong("file_bytes"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getString("created_by_email"),
                instant(rs.getTimestamp("created_at")),
                rs.getLong("rows_read"),
                rs.getLong("bytes_read"),
                rs.getLong("rows_refused"),
                rs.getLong("rows_present"),
                rs.getLong("rows_new_code"),
                rs.getLong("rows_to_create"),
                rs.getLong("rows_inserted"),
                rs.getLong("rows_created"),
                problem == null ? null : reason(problem, rs.getString("problem_argument")),
                instant(rs.getTimestamp("heartbeat_at")),
                instant(rs.getTimestamp("checked_at")),
                instant(rs.getTimestamp("import_started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
