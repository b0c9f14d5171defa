package io.licencedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V52 on organisations made before it (decision 0172): one whose owners chose French for themselves, and none English,
 * starts in French; every other one in English, as everything was sent before.
 */
class OrganisationLanguageMigrationTests {

    @Test
    void anOrganisationWhoseOwnersChoseFrenchStartsInFrenchTheOthersInEnglish() {
        var dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:v52-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                true);
        FluentConfiguration migrations = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
        migrations.target("50").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        long french = organisation(jdbc, "French team", "fr", null, "en");
        long mixed = organisation(jdbc, "Two owners", "fr", "en", null);
        long unchosen = organisation(jdbc, "No choice", null, null, "fr");

        migrations.target("52").load().migrate();

        assertThat(language(jdbc, french))
                .as("owners chose French (a manager English)")
                .isEqualTo("fr");
        assertThat(language(jdbc, mixed)).as("one owner French, one English").isEqualTo("en");
        assertThat(language(jdbc, unchosen))
                .as("owners chose nothing (a manager French)")
                .isEqualTo("en");
    }

    /** An organisation with two owners of these languages (null: none chosen, or no second owner) and a manager. */
    private static long organisation(JdbcClient jdbc, String name, String owner, String secondOwner, String manager) {
        jdbc.sql("insert into organisation (name, created_at) values (?, current_timestamp)")
                .param(name)
                .update();
        long id = jdbc.sql("select max(id) from organisation").query(Long.class).single();
        user(jdbc, id, "OWNER", owner);
        if (secondOwner != null) {
            user(jdbc, id, "OWNER", secondOwner);
        }
        user(jdbc, id, "MANAGER", manager);
        return id;
    }

    private static void user(JdbcClient jdbc, long organisationId, String role, String language) {
        jdbc.sql("""
                        insert into app_user (organisation_id, email, role, name, enabled, created_at, language)
                        values (?, ?, ?, 'Someone', true, current_timestamp, ?)
                        """)
                .param(organisationId)
                .param(UUID.randomUUID() + "@example.test")
                .param(role)
                .param(language)
                .update();
    }

    private static String language(JdbcClient jdbc, long organisationId) {
        return jdbc.sql("select language from organisation where id = ?")
                .param(organisationId)
                .query(String.class)
                .single();
    }
}
