package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check stages each row once (decision 0103): a row whose code another organisation's licence has is staged under
 * its drawn code, not staged and then rewritten, which doubled the check's writes when every code of a file was taken
 * (a file exported from one organisation and imported into another). Counted with a trigger on the staging table, not
 * timed.
 */
@IntegrationTest
@OnPostgres
class ImportStagingPostgresTests {

    static final int ROWS = 50;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    LicenceImports imports;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    TestOrganisation other;

    @BeforeEach
    void countStagedRowsRewritten() {
        org = organisations.create();
        fixture.monthlyPlan(org);
        other = organisations.create();
        jdbc.sql("create table if not exists staged_row_updates (import_id bigint not null)")
                .update();
        jdbc.sql("""
                        create or replace function note_staged_row_update() returns trigger language plpgsql as $$
                        begin
                            insert into staged_row_updates values (new.import_id);
                            return null;
                        end $$
                        """).update();
        jdbc.sql("""
                        create trigger note_staged_row_update after update on licence_import_row
                        for each row execute function note_staged_row_update()
                        """).update();
    }

    @AfterEach
    void dropTheCount() {
        jdbc.sql("drop trigger if exists note_staged_row_update on licence_import_row")
                .update();
        jdbc.sql("drop function if exists note_staged_row_update()").update();
        jdbc.sql("drop table if exists staged_row_updates").update();
    }

    @Test
    void rowsWhoseCodeAnotherOrganisationHasAreStagedUnderTheirDrawnCodeOnce() throws Exception {
        Plan theirs = fixture.monthlyPlan(other);
        List<String> theirCodes = new ArrayList<>();
        var file = new StringBuilder("code,name,plan,screens\n");
        for (int n = 1; n <= ROWS; n++) {
            String code = licences.create(other.manager(), new NewLicence(theirs.id(), "Theirs " + n, null, 1, null))
                    .couponCode()
                    .value();
            theirCodes.add(code);
            file.append(code).append(",Moved ").append(n).append(",Monthly,1\n");
        }

        LicenceImport started = imports.start(
                org.manager(),
                "moved.csv",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !imports.find(org.manager(), started.id()).status().running());
        LicenceImport checked = imports.find(org.manager(), started.id());

        assertThat(checked.status()).isEqualTo(ImportStatus.CHECKED);
        assertThat(checked.rowsToCreate()).isEqualTo(ROWS);
        assertThat(checked.rowsNewCode()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from licence_import_row where import_id = :id and coupon_code in (:codes)")
                        .param("id", checked.id())
                        .param("codes", theirCodes)
                        .query(Long.class)
                        .single())
                .as("staged rows under a code another organisation has")
                .isZero();
        assertThat(jdbc.sql("select count(*) from staged_row_updates where import_id = :id")
                        .param("id", checked.id())
                        .query(Long.class)
                        .single())
                .as("staged rows written a second time")
                .isZero();
    }

    /**
     * The check stages one batch while it reads the next (ImportRunner's Sink, on a thread of its own): a batch the
     * database refuses must fail the check, which ends refused with nothing staged, not checked without that batch.
     */
    @Test
    void aBatchTheDatabaseRefusesFailsTheCheckAndLeavesNothingStaged() throws Exception {
        jdbc.sql("""
                        create or replace function refuse_a_staged_line() returns trigger language plpgsql as $$
                        begin
                            if new.line = 7002 then
                                raise exception 'refused for the test';
                            end if;
                            return new;
                        end $$
                        """).update();
        jdbc.sql("""
                        create trigger refuse_a_staged_line before insert on licence_import_row
                        for each row execute function refuse_a_staged_line()
                        """).update();
        try {
            var file = new StringBuilder("name,plan,screens\n");
            for (int n = 1; n <= 12_000; n++) {
                file.append("Screen ").append(n).append(",Monthly,1\n");
            }
            LicenceImport started = imports.start(
                    org.manager(),
                    "three-batches.csv",
                    new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() ->
                            !imports.find(org.manager(), started.id()).status().running());

            assertThat(imports.find(org.manager(), started.id()).status()).isEqualTo(ImportStatus.REFUSED);
            assertThat(jdbc.sql("select count(*) from licence_import_row where import_id = :id")
                            .param("id", started.id())
                            .query(Long.class)
                            .single())
                    .as("rows of the batches staged before and after the refused one")
                    .isZero();
        } finally {
            jdbc.sql("drop trigger if exists refuse_a_staged_line on licence_import_row")
                    .update();
            jdbc.sql("drop function if exists refuse_a_staged_line()").update();
        }
    }
}
