package io.licencedesk.accounts;

import io.licencedesk.shared.RowLocks;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/** The people of an organisation, staff and clients alike, as the People page and access changes read them. */
@Repository
class PeopleRepository {

    private static final RowMapper<Person> PERSON = (rs, row) -> new Person(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("email"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"),
            rs.getBoolean("has_password"));

    private static final String COLUMNS = "id, name, email, role, enabled, password_hash is not null as has_password";

    private final JdbcClient jdbc;
    private final String changeLock;

    PeopleRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.changeLock = RowLocks.changeLock(dataSource);
    }

    /** The organisation's owners and account managers, owners first, then by name. */
    List<Person> staff(long organisationId) {
        return jdbc.sql("""
                        select %s from app_user
                        where organisation_id = :organisationId and role in ('OWNER', 'MANAGER')
                        order by case role when 'OWNER' then 0 else 1 end, name, id
                        """.formatted(COLUMNS))
                .param("organisationId", organisationId)
                .query(PERSON)
                .list();
    }

    Optional<Person> find(long organisationId, long id) {
        return jdbc.sql("select %s from app_user where organisation_id = :organisationId and id = :id"
                        .formatted(COLUMNS))
                .param("organisationId", organisationId)
                .param("id", id)
                .query(PERSON)
                .optional();
    }

    /**
     * Locks the organisation's row until the transaction ends: changes to its people are made one at a time, so two
     * owners demoting or disabling each other at once cannot leave it without an enabled owner.
     */
    void lockOrganisation(long organisationId) {
        jdbc.sql("select id from organisation where id = :id " + changeLock)
                .param("id", organisationId)
                .query(Long.class)
                .single();
    }

    /**
     * The enabled owners who can sign in: an invited owner who has not chosen a password yet (perhaps never will, at
     * a mistyped address) cannot run the organisation, so they do not let the last one step down or leave.
     */
    long ownersWhoCanSignIn(long organisationId) {
        return jdbc.sql("""
                        select count(*) from app_user
                        where organisation_id = :organisationId and role = 'OWNER' and enabled = true
                          and password_hash is not null
                        """)
                .param("organisationId", organisationId)
                .query(Long.class)
                .single();
    }

    void setRole(long organisationId, long id, Role role) {
        jdbc.sql("update app_user set role = :role where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .param("role", role.name())
                .update();
    }

    void setEnabled(long organisationId, long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :enabled where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .param("enabled", enabled)
                .update();
    }

    void setName(long organisationId, long id, String name) {
        jdbc.sql("update app_user set name = :name where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", id)
                .param("name", name)
                .update();
    }
}
