package io.licencedesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's trigger on audit_event (migration V24): refuses every update and delete, so that the log is append-only on
 * the embedded database as on PostgreSQL, where a PL/pgSQL trigger does the same. H2 runs triggers written in Java
 * only, and finds this one by its name.
 */
public final class AppendOnlyOnH2 implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: its rows are never changed or deleted", "42501");
    }
}
