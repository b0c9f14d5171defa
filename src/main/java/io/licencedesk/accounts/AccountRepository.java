package io.licencedesk.accounts;

import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.Like;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Organisations and users, in plain SQL; every client query names its organisation. */
@Repository
class AccountRepository {

    private static final RowMapper<Client> CLIENT = (rs, row) -> new Client(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("email"),
            rs.getString("company"),
            rs.getString("billing_address"),
            rs.getString("vat_number"));

    private static final String CLIENT_COLUMNS = "id, name, email, company, billing_address, vat_number";

    private static final RowMapper<Organisation> ORGANISATION = (rs, row) -> new Organisation(
            rs.getLong("id"),
            rs.getString("name"),
            Currency.getInstance(rs.getString("currency")),
            rs.getInt("expiring_soon_days"),
            rs.getString("legal_name"),
            rs.getString("address"),
            rs.getBigDecimal("vat_rate"),
            rs.getString("invoice_prefix"),
            rs.getInt("payment_terms_days"),
            rs.getString("sender_name"),
            rs.getString("sender_email"),
            Language.ofCode(rs.getString("language")).orElse(Language.DEFAULT));

    /** The text a client search looks in; the same expression carries a trigram index on PostgreSQL. */
    static final String CLIENT_TEXT = "lower(name || ' ' || email || ' ' || coalesce(company, ''))";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertOrganisation(String name, Currency currency, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into organisation (name, currency, created_at) values (:name, :currency, :now)")
                .param("name", name)
                .param("currency", currency.getCurrencyCode())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Organisation> findOrganisation(long id) {
        return jdbc.sql("select * from organisation where id = :id")
                .param("id", id)
                .query(ORGANISATION)
                .optional();
    }

    boolean anyUserExists() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
    }

    boolean anyOrganisationExists() {
        return jdbc.sql("select count(*) from organisation").query(Long.class).single() > 0;
    }

    boolean emailExists(String email) {
        return jdbc.sql("select count(*) from app_user where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insertUser(
            long organisationId,
            Role role,
            String email,
            String passwordHash,
            String name,
            String company,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into app_user (organisation_id, email, password_hash, role, name, company, created_at)
                        values (:organisationId, :email, :passwordHash, :role, :name, :company, :now)
                        """)
                .param("organisationId", organisationId)
                .param("email", email)
                .param("passwordHash", passwordHash)
                .param("role", role.name())
                .param("name", name)
                .param("company", company)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<StoredUser> findUserByEmail(String email) {
        if (ControlCharacters.in(email)) {
            return Optional.empty(); // no address holds one, and PostgreSQL refuses NUL in a query
        }
        return jdbc.sql("""
                        select id, organisation_id, email, password_hash, role, name, enabled, language
                        from app_user where email = :email
                        """)
                .param("email", email)
                .query((rs, row) -> new StoredUser(
                        new Caller(
                                rs.getLong("id"),
                                rs.getLong("organisation_id"),
                                Role.valueOf(rs.getString("role")),
                                rs.getString("email"),
                                rs.getString("name")),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getString("language")))
                .optional();
    }

    Optional<Client> findClient(long organisationId, long clientId) {
        return jdbc.sql("""
                        select %s from app_user
                        where organisation_id = :organisationId and id = :id and role = 'CLIENT'
                        """.formatted(CLIENT_COLUMNS))
                .param("organisationId", organisationId)
                .param("id", clientId)
                .query(CLIENT)
                .optional();
    }

    /** The client, locked until the transaction ends, so that changes to it are applied one after the other. */
    Optional<Client> findClientForUpdate(long organisationId, long clientId) {
        return jdbc.sql("""
                        select %s from app_user
                        where organisation_id = :organisationId and id = :id and role = 'CLIENT'
                        for update
                        """.formatted(CLIENT_COLUMNS))
                .param("organisationId", organisationId)
                .param("id", clientId)
                .query(CLIENT)
                .optional();
    }

    /** Every client of the organisation by e-mail, lower-cased (e-mail addresses are unique across users). */
    Map<String, Long> clientIdsByEmail(long organisationId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, email from app_user where organisation_id = :organisationId and role = 'CLIENT'")
                .param("organisationId", organisationId)
                .query(rs -> {
                    ids.put(rs.getString("email").toLowerCase(Locale.ROOT), rs.getLong("id"));
                });
        return ids;
    }

    List<Client> findClients(long organisationId, String term, int offset, int limit) {
        if (!Like.canMatch(term)) {
            return List.of();
        }
        String pattern = Like.containing(term);
        return jdbc.sql("""
                        select %s from app_user
                        where organisation_id = :organisationId and role = 'CLIENT' %s
                        order by name, id
                        offset :offset rows fetch next :limit rows only
                        """.formatted(CLIENT_COLUMNS, pattern == null ? "" : "and " + CLIENT_TEXT + " like :pattern"))
                .param("organisationId", organisationId)
                .params(pattern == null ? java.util.Map.of() : java.util.Map.of("pattern", pattern))
                .param("offset", offset)
                .param("limit", limit)
                .query(CLIENT)
                .list();
    }

    long countClients(long organisationId, String term) {
        if (!Like.canMatch(term)) {
            return 0;
        }
        String pattern = Like.containing(term);
        return jdbc.sql("""
                        select count(*) from app_user
                        where organisation_id = :organisationId and role = 'CLIENT' %s
                        """.formatted(pattern == null ? "" : "and " + CLIENT_TEXT + " like :pattern"))
                .param("organisationId", organisationId)
                .params(pattern == null ? java.util.Map.of() : java.util.Map.of("pattern", pattern))
                .query(Long.class)
                .single();
    }

    void updateOrganisation(long id, OrganisationSettings settings) {
        jdbc.sql("""
                        update organisation
                        set name = :name, legal_name = :legalName, address = :address, currency = :currency,
                            vat_rate = :vatRate, invoice_prefix = :invoicePrefix,
                            payment_terms_days = :paymentTermsDays, sender_name = :senderName,
                            sender_email = :senderEmail, expiring_soon_days = :expiringSoonDays,
                            language = :language
                        where id = :id
                        """)
                .param("id", id)
                .param("name", settings.name())
                .param("legalName", settings.legalName())
                .param("address", settings.address())
                .param("currency", settings.currency().getCurrencyCode())
                .param("vatRate", settings.vatRate())
                .param("invoicePrefix", settings.invoicePrefix())
                .param("paymentTermsDays", settings.paymentTermsDays())
                .param("senderName", settings.senderName())
                .param("senderEmail", settings.senderEmail())
                .param("expiringSoonDays", settings.expiringSoonDays())
                .param("language", settings.language().code())
                .update();
    }

    void updateClient(long organisationId, long clientId, NewClient client, String email) {
        jdbc.sql("""
                        update app_user
                        set name = :name, email = :email, company = :company, billing_address = :billingAddress,
                            vat_number = :vatNumber
                        where organisation_id = :organisationId and id = :id and role = 'CLIENT'
                        """)
                .param("organisationId", organisationId)
                .param("id", clientId)
                .param("name", client.name())
                .param("email", email)
                .param("company", client.company())
                .param("billingAddress", client.billingAddress())
                .param("vatNumber", client.vatNumber())
                .update();
    }

    Optional<String> findPasswordHash(long userId) {
        return jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    void updatePasswordHash(long userId, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :passwordHash where id = :id")
                .param("id", userId)
                .param("passwordHash", passwordHash)
                .update();
    }

    /** Of these users of the organisation, the ids of those who have a password (can sign in). */
    List<Long> withPassword(long organisationId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id from app_user
                        where organisation_id = :organisationId and id in (:ids) and password_hash is not null
                        """)
                .param("organisationId", organisationId)
                .param("ids", userIds)
                .query(Long.class)
                .list();
    }

    /** Of these users of the organisation, the ids of those who may not sign in (disabled, decision 0055). */
    List<Long> disabled(long organisationId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id from app_user where organisation_id = :organisationId and id in (:ids) and not enabled")
                .param("organisationId", organisationId)
                .param("ids", userIds)
                .query(Long.class)
                .list();
    }

    /** A client's own change of their details; the e-mail address is not theirs to change. */
    void updateProfile(long organisationId, long clientId, ProfileChange change) {
        jdbc.sql("""
                        update app_user
                        set name = :name, company = :company, billing_address = :billingAddress,
                            vat_number = :vatNumber
                        where organisation_id = :organisationId and id = :id and role = 'CLIENT'
                        """)
                .param("organisationId", organisationId)
                .param("id", clientId)
                .param("name", change.name())
                .param("company", change.company())
                .param("billingAddress", change.billingAddress())
                .param("vatNumber", change.vatNumber())
                .update();
    }

    /** A user as stored, for signing in: the caller it becomes, its password hash and whether it may sign in. */
    record StoredUser(Caller caller, String passwordHash, boolean enabled, String language) {}

    /** The language a user chose, or null. */
    Optional<String> findLanguage(long userId) {
        return jdbc.sql("select language from app_user where id = :id")
                .param("id", userId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("language")))
                .optional()
                .flatMap(language -> language);
    }

    /** A client's language, or null, only within the organisation. */
    Optional<String> findClientLanguage(long organisationId, long clientId) {
        return jdbc.sql("select language from app_user where organisation_id = :organisationId and id = :id")
                .param("organisationId", organisationId)
                .param("id", clientId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("language")))
                .optional()
                .flatMap(language -> language);
    }

    /** The language of the organisation's people who chose none (decision 0172), English for an unknown id. */
    Language findOrganisationLanguage(long organisationId) {
        return jdbc.sql("select language from organisation where id = :id")
                .param("id", organisationId)
                .query(String.class)
                .optional()
                .flatMap(Language::ofCode)
                .orElse(Language.DEFAULT);
    }

    /** A user's choice of language, else their organisation's (decision 0172). */
    Optional<String> findLanguageElseOrganisations(long userId) {
        return jdbc.sql("""
                        select coalesce(u.language, o.language) from app_user u
                        join organisation o on o.id = u.organisation_id
                        where u.id = :id
                        """).param("id", userId).query(String.class).optional();
    }

    void updateLanguage(long userId, String language) {
        jdbc.sql("update app_user set language = :language where id = :id")
                .param("language", language)
                .param("id", userId)
                .update();
    }
}
