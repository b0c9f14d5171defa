package io.licencedesk.shared;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The row lock that keeps other changes of a row out without holding back the rows that refer to it. On PostgreSQL that
 * is {@code for no key update}, the lock a plain update takes: {@code for update} also waits for every transaction
 * that inserted a row referring to it (a foreign key takes {@code for key share}), and holds such transactions back in
 * turn, so that locking an organisation held back its screens, invoices and audit entries, and met a client being
 * created at the same address in a deadlock (decision 0179). H2 has only {@code for update}.
 */
public final class RowLocks {

    private RowLocks() {}

    /** The clause to end a {@code select} of the rows to change with, for this data source's database. */
    public static String changeLock(DataSource dataSource) throws MetaDataAccessException {
        return "PostgreSQL"
                        .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName))
                ? "for no key update"
                : "for update";
    }
}
