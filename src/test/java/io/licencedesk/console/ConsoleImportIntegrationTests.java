package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.ImportProblem;
import io.licencedesk.licence.ImportRefusedException;
import io.licencedesk.licence.ImportStatus;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceImport;
import io.licencedesk.licence.LicenceImports;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.MovableClock;
import io.licencedesk.support.MovableTime;
import io.licencedesk.support.TestFixture;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Importing licences from a CSV file: the check, its report, the import, and files that are not licence CSVs. */
@IntegrationTest
@MovableTime
class ConsoleImportIntegrationTests {

    static final String HEADER = "code,name,note,client_email,client_company,plan,screens,amount,currency,"
            + "status,billing_status,created,activated,ends";

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    LicenceImports imports;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MovableClock movableClock;

    TestOrganisation org;
    TestOrganisation other;
    Plan monthly;
    RequestPostProcessor manager;

    @BeforeEach
    void setUp() {
        org = fixture.organisation();
        other = fixture.organisation();
        monthly = fixture.monthlyPlan(org);
        fixture.yearlyPlan(org);
        manager = fixture.signedIn(org.manager().email());
    }

    @AfterEach
    void resetClock() {
        movableClock.reset();
    }

    /** Uploads the file as the page does and waits for its check to end. */
    LicenceImport check(String file) throws Exception {
        return check(file.getBytes(StandardCharsets.UTF_8));
    }

    LicenceImport check(byte[] file) throws Exception {
        String page = mvc.perform(post("/licences/imports")
                        .param("name", "licences.csv")
                        .content(file)
                        .contentType("text/csv")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        return settled(id);
    }

    LicenceImport settled(long id) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !imports.find(org.manager(), id).status().running());
        return imports.find(org.manager(), id);
    }

    LicenceImport confirm(LicenceImport checked) throws Exception {
        mvc.perform(post("/licences/imports/" + checked.id() + "/import")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().is3xxRedirection());
        return settled(checked.id());
    }

    long licenceCount(TestOrganisation organisation) {
        return jdbc.sql("select count(*) from licence where organisation_id = :id")
                .param("id", organisation.id())
                .query(Long.class)
                .single();
    }

    Map<String, Object> licenceNamed(String name) {
        return jdbc.sql("select * from licence where organisation_id = :org and name = :name")
                .param("org", org.id())
                .param("name", name)
                .query()
                .singleRow();
    }

    String alice() {
        return org.alice().email();
    }

    @Test
    void aCheckedFileIsImportedOnlyOnConfirmationAndASecondImportCreatesNothing() throws Exception {
        LocalDate activated = LocalDate.now(clock).minusDays(10);
        String file = HEADER + "\r\n"
                + "AB12CD34,Lobby screens,\"Entrance, ground floor\"," + alice() + ",Alice Co,Monthly,3,30.00,EUR,"
                + "active,paid,2026-01-01T10:00:00Z," + activated + ",\r\n"
                + ",Shop window,,,,yearly,2,,,,,,,\r\n"
                + ",'=cmd,'@note,,,Monthly,1,,,paused,,,,\r\n";
        LicenceImport checked = check(file);

        assertThat(checked.status()).isEqualTo(ImportStatus.CHECKED);
        assertThat(checked.rowsRead()).isEqualTo(3);
        assertThat(checked.rowsToCreate()).isEqualTo(3);
        assertThat(checked.rowsRefused()).isZero();
        assertThat(checked.rowsNewCode()).as("two rows without a valid code").isEqualTo(2);
        assertThat(licenceCount(org)).as("the check saves nothing").isZero();

        LicenceImport imported = confirm(checked);
        assertThat(imported.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(imported.rowsCreated()).isEqualTo(3);
        assertThat(licenceCount(org)).isEqualTo(3);
        assertThat(jdbc.sql("""
                                select actor_email, subject_label, after_state from audit_event
                                where organisation_id = ? and subject_type = 'LICENCE_IMPORT' and action = 'IMPORTED'
                                  and subject_id = ?
                                """).params(org.id(), imported.id()).query().listOfRows())
                .as("the audit log records the import once, by whom, with what it created")
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("actor_email")).isEqualTo(org.manager().email());
                    assertThat((String) row.get("after_state")).contains("\"licencesCreated\":3");
                });

        var lobby = licenceNamed("Lobby screens");
        assertThat(lobby.get("coupon_code")).isEqualTo("AB12CD34");
        assertThat(lobby.get("note")).isEqualTo("Entrance, ground floor");
        assertThat(lobby.get("client_id")).isEqualTo(org.alice().userId());
        assertThat(lobby.get("quantity")).isEqualTo(3);
        LicenceDetails details = licences.details(org.manager(), ((Number) lobby.get("id")).longValue());
        assertThat(details.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(details.activatedOn()).isEqualTo(activated);
        assertThat(details.endsOn()).as("activation + the plan's term").isEqualTo(activated.plusMonths(1));
        assertThat(details.plan().name()).isEqualTo("Monthly");

        var shop = licenceNamed("Shop window");
        assertThat((String) shop.get("coupon_code")).matches("[A-Z0-9]{8}");
        assertThat(shop.get("client_id")).isNull();
        assertThat(licences.details(org.manager(), ((Number) shop.get("id")).longValue())
                        .status())
                .isEqualTo(LifecycleStatus.AVAILABLE);
        var formula = licenceNamed("=cmd");
        assertThat(formula.get("note"))
                .as("the export's spreadsheet guard is undone")
                .isEqualTo("@note");
        assertThat(formula.get("paused")).isEqualTo(true);

        LicenceImport again = check(file);
        assertThat(again.status()).isEqualTo(ImportStatus.CHECKED);
        assertThat(again.rowsPresent()).isEqualTo(3);
        assertThat(again.rowsToCreate()).isZero();
        assertThatThrownBy(() -> imports.confirm(org.manager(), again.id())).isInstanceOf(ImportRefusedException.class);
        assertThat(licenceCount(org)).isEqualTo(3);
    }

    @Test
    void aCheckConfirmedAfterAnotherCheckOfTheSameFileWasImportedSaysItCreatedNothingAndWhy() throws Exception {
        String file = HEADER + "\n" + ",Lobby,,,,Monthly,1,,,,,,,\n" + ",Shop,,,,Monthly,2,,,,,,,\n";
        LicenceImport first = check(file);
        LicenceImport second = check(file);
        assertThat(second.rowsToCreate())
                .as("checked before the first was imported")
                .isEqualTo(2);
        confirm(first);
        assertThat(confirm(second).rowsCreated()).isZero();
        assertThat(licenceCount(org)).isEqualTo(2);

        for (String language : new String[] {"en", "fr"}) {
            Document page = Jsoup.parse(mvc.perform(get("/licences/imports/" + second.id())
                            .header("Accept-Language", language)
                            .with(manager))
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(page.select("#import-totals dt").eachText())
                    .as("an import made speaks of what it did, not of what it would do")
                    .contains(
                            language.equals("en") ? "Created" : "Créées",
                            language.equals("en") ? "Refused" : "Refusées");
            assertThat(page.selectFirst("#total-create").text()).isEqualTo("0");
            assertThat(page.selectFirst("#import-meanwhile").text())
                    .isEqualTo(
                            language.equals("en")
                                    ? "2 rows of the check had been imported meanwhile, by another import of this file, and"
                                            + " were left alone."
                                    : "2 lignes de la vérification avaient été importées entre-temps, par un autre import de"
                                            + " ce fichier, et ont été laissées telles quelles.");
        }
        Document firstPage =
                Jsoup.parse(mvc.perform(get("/licences/imports/" + first.id()).with(manager))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(firstPage.selectFirst("#total-create").text()).isEqualTo("2");
        assertThat(firstPage.select("#import-meanwhile")).isEmpty();
    }

    /**
     * Two checks of one file, both confirmed (two tabs): the second created nothing, as its rows were the first's by
     * then, but its report kept the check's figures, "Already in LicenceDesk 0" and "Get a new code 2" beside
     * "Created 0". They now say what the import did, in both languages and through the REST API's figures.
     */
    @Test
    void aSecondConfirmedCheckOfTheSameFileCountsItsRowsAsAlreadyInLicenceDesk() throws Exception {
        // A code of this organisation's own: codes are unique across organisations, and other tests keep theirs.
        String code = "ZQ%06d".formatted(org.id());
        String file = HEADER + "\n" + code + ",Lobby,,,,Monthly,1,,,,,,,\n" + ",Shop,,,,Monthly,2,,,,,,,\n"
                + ",Kiosk,,,,Monthly,3,,,,,,,\n";
        LicenceImport first = check(file);
        LicenceImport second = check(file);
        assertThat(second.rowsNewCode())
                .as("checked before the first was imported")
                .isEqualTo(2);
        confirm(first);

        LicenceImport imported = confirm(second);
        assertThat(imported.rowsCreated()).isZero();
        assertThat(imported.rowsPresent()).isEqualTo(3);
        assertThat(imported.rowsNewCode()).isZero();
        assertThat(imported.rowsRead())
                .isEqualTo(imported.rowsCreated() + imported.rowsRefused() + imported.rowsPresent());
        assertThat(licenceCount(org)).isEqualTo(3);
        LicenceImport firstAfter = imports.find(org.manager(), first.id());
        assertThat(firstAfter.rowsPresent())
                .as("the first import's report stands")
                .isZero();
        assertThat(firstAfter.rowsNewCode()).isEqualTo(2);

        for (String language : List.of("en", "fr")) {
            Document page = Jsoup.parse(mvc.perform(get("/licences/imports/" + second.id())
                            .header("Accept-Language", language)
                            .with(manager))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.selectFirst("#total-create").text()).isEqualTo("0");
            assertThat(page.selectFirst("#total-present").text()).isEqualTo("3");
            assertThat(page.selectFirst("#total-new-code").text()).isEqualTo("0");
            assertThat(page.select("#import-totals dt").eachText())
                    .contains(
                            language.equals("en")
                                    ? "Already in LicenceDesk (left alone)"
                                    : "Déjà dans LicenceDesk" + " (laissées telles quelles)",
                            language.equals("en") ? "Given a new code" : "Ont reçu un nouveau code");
        }
        String api = mvc.perform(get("/api/v1/licence-imports/" + second.id())
                        .header("Authorization", "Bearer " + fixture.token(org.manager())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api)
                .contains("\"alreadyImported\":3")
                .contains("\"newCodes\":0")
                .contains("\"created\":0");
    }

    /** A row of one cell was refused with "The row has 1 cells". */
    @Test
    void aRowOfOneCellIsSaidInTheSingularInBothLanguages() throws Exception {
        LicenceImport checked = check(HEADER + "\nlonely\n,Good one,,,,Monthly,1,,,,,,,\n");

        assertThat(checked.rowsRefused()).isEqualTo(1);
        assertThat(mvc.perform(get("/licences/imports/" + checked.id()).with(manager))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("The row has 1 cell where the header has 14.");
        assertThat(mvc.perform(get("/licences/imports/" + checked.id())
                                .header("Accept-Language", "fr")
                                .with(manager))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("La ligne a 1 cellule là où l’en-tête en a 14.");
    }

    @Test
    void theReportNamesEachRefusedRowWithItsLineColumnAndReasonAndTheGoodRowsImport() throws Exception {
        String file = HEADER + "\n"
                + ",Good one,,,,Monthly,1,,,,,,,\n"
                + ",No plan,,,,Weekly,1,,,,,,,\n"
                + ",Too many,,,,Monthly,10001,,,,,,,\n"
                + ",Stranger,,nobody@example.test,,Monthly,1,,,,,,,\n"
                + ",,,,,Monthly,abc,,,,,,,\n"
                + ",Bad date,,,,Monthly,1,,,,,,12/31/2026,\n"
                + ",Short row,Monthly\n"
                + ",Good two,,,,Monthly,2,,,,,,,\n";
        LicenceImport checked = check(file);

        assertThat(checked.rowsRead()).isEqualTo(8);
        assertThat(checked.rowsRefused()).isEqualTo(6);
        assertThat(checked.rowsToCreate()).isEqualTo(2);
        String page = mvc.perform(get("/licences/imports/" + checked.id()).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("No plan is named “Weekly”")
                .contains("Not a whole number of screens from 1 to 10,000.")
                .contains("None of your clients has the e-mail nobody@example.test")
                .contains("The name is empty.")
                .contains("Not a date: “12/31/2026”")
                .contains("The row has 3 cells where the header has 14.")
                .contains("Import 2 licences");
        String report = mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().toList())
                .contains(
                        "\uFEFFline,column,reason",
                        "3,plan,\"No plan is named “Weekly”. Add the plan first, or use the name of one of your plans.\"",
                        "4,screens,\"Not a whole number of screens from 1 to 10,000.\"");
        assertThat(report).contains("6,name,The name is empty.").contains("6,screens,");

        assertThat(confirm(checked).rowsCreated()).isEqualTo(2);
        assertThat(licenceCount(org)).isEqualTo(2);
    }

    /**
     * A French page's file of refused rows was half English: its reasons French, its header "line,column,reason" and
     * its name "import-7-refused-rows-….csv", and only with commas, which French Excel opens in one column. Its header
     * and name are now the page's language, and it comes with semicolons too, as the exports do (decision 0174).
     */
    @Test
    void aFrenchPagesRefusedRowsFileIsFrenchAndComesWithSemicolonsForExcel() throws Exception {
        LicenceImport checked = check(HEADER + "\n" + ",No plan,,,,Weekly,1,,,,,,,\n");
        String page = mvc.perform(get("/licences/imports/" + checked.id())
                        .header("Accept-Language", "fr-FR")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("/licences/imports/" + checked.id() + "/problems.csv?separator=semicolon")
                .contains("Pour Excel (;)");

        var comma = mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .header("Accept-Language", "fr-FR")
                        .with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Disposition",
                                startsWith("attachment; filename=\"import-" + checked.id() + "-lignes-refusees-")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(comma.lines().toList())
                .containsExactly(
                        "\uFEFFligne,colonne,motif",
                        "2,plan,\"Aucune offre ne s’appelle «\u00a0Weekly\u00a0». Ajoutez d’abord l’offre, ou utilisez"
                                + " le nom de l’une de vos offres.\"");
        String semicolons = mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .param("separator", "semicolon")
                        .header("Accept-Language", "fr-FR")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(semicolons.lines().toList())
                .containsExactly(
                        "\uFEFFligne;colonne;motif",
                        "2;plan;Aucune offre ne s’appelle «\u00a0Weekly\u00a0». Ajoutez d’abord l’offre, ou utilisez le"
                                + " nom de l’une de vos offres.");
        // a separator not understood: the page that says why no file was made, in the page's language, back to
        // the import (it was the general error page)
        mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .param("separator", "tab")
                        .header("Accept-Language", "fr-FR")
                        .with(manager))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Le séparateur « tab »")))
                .andExpect(content().string(containsString("href=\"/licences/imports/" + checked.id() + "\"")))
                .andExpect(content().string(containsString("Retour à l’importation")));
    }

    /**
     * A row refused in several cells is reported with them in the order of the file's columns, on the page, in the
     * report's file and in the REST API: they were listed by column name ("activated, name, plan, screens") whatever
     * the header's order (decision 0168).
     */
    @Test
    void aRowsRefusedCellsAreReportedInTheOrderOfTheFilesColumns() throws Exception {
        LicenceImport checked = check("""
                screens,plan,name,activated
                0,Weekly,,2999-01-01
                """);

        assertThat(imports.problems(org.manager(), checked.id()))
                .extracting(ImportProblem::column)
                .containsExactly("screens", "plan", "name", "activated");
        String report = mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().skip(1).map(line -> line.split(",")[1]).toList())
                .containsExactly("screens", "plan", "name", "activated");
    }

    /**
     * The check refused an activation date after the server's today as in the future: a manager ten hours east of the
     * server, just after their midnight, was refused a licence activated on their today. The payment date's rule
     * applies (decision 0131): a date some time zone has reached passes; the day after the latest is refused.
     */
    @Test
    void takesALicenceActivatedOnTheTodayOfAManagerEastOfTheServer() throws Exception {
        // 23:00 tomorrow at the server: 09:00 the next day ten hours east of it.
        ZonedDateTime lateEvening =
                LocalDate.now(movableClock).plusDays(1).atTime(23, 0).atZone(movableClock.getZone());
        movableClock.advance(Duration.between(movableClock.instant(), lateEvening.toInstant()));
        ZoneOffset east = ZoneOffset.ofTotalSeconds(lateEvening.getOffset().getTotalSeconds() + 10 * 3600);
        LocalDate eastsToday = LocalDate.ofInstant(movableClock.instant(), east);
        assertThat(eastsToday).isAfter(LocalDate.now(movableClock));
        LocalDate nowhereYet = LocalDate.ofInstant(movableClock.instant(), ZoneOffset.ofHours(14))
                .plusDays(1);

        LicenceImport checked = check("name,plan,screens,client_email,activated\n"
                + "East today,Monthly,1," + alice() + "," + eastsToday + "\n"
                + "Nowhere yet,Monthly,1," + alice() + "," + nowhereYet + "\n");

        assertThat(imports.problems(org.manager(), checked.id()))
                .extracting(problem -> problem.line() + " " + problem.column() + " "
                        + problem.reason().code())
                .containsExactly("3 activated reason.import.activatedLater");
        assertThat(confirm(checked).rowsCreated()).isEqualTo(1);
        assertThat(licenceNamed("East today").get("activated_on").toString()).isEqualTo(eastsToday.toString());
    }

    /**
     * Days that ISO 8601 reads but no database column keeps were accepted, and a confirmed import then either failed
     * whole (PostgreSQL refuses year 999999999) or stored other days than the file's (H2 kept -169108099-06-28 and
     * 0000-12-30). They are refused with their row; the days a date field writes are kept exactly.
     */
    @Test
    void daysNoDatabaseKeepsAreRefusedWithTheirRowAndTheOthersAreKeptExactly() throws Exception {
        String file = "name,plan,screens,client_email,activated,ends\n"
                + "Far end,Monthly,1," + alice() + ",2026-01-01,+999999999-12-31\n"
                + "Year one,Monthly,1," + alice() + ",0001-01-01,\n"
                + "Long term,Monthly,1," + alice() + ",1900-01-01,9999-12-31\n";
        LicenceImport checked = check(file);

        assertThat(checked.rowsRefused()).isEqualTo(2);
        assertThat(checked.rowsToCreate()).isEqualTo(1);
        assertThat(imports.problems(org.manager(), checked.id()))
                .extracting(problem -> problem.line() + " " + problem.column() + " "
                        + problem.reason().code())
                .containsExactly("2 ends reason.import.date", "3 activated reason.import.dateTooEarly");
        assertThat(confirm(checked).rowsCreated()).isEqualTo(1);
        Map<String, Object> kept = licenceNamed("Long term");
        assertThat(kept.get("activated_on").toString()).isEqualTo("1900-01-01");
        assertThat(kept.get("ends_on").toString()).isEqualTo("9999-12-31");
    }

    /**
     * The import inserts each step's rows without ON CONFLICT, under a savepoint (decision 0111): a code another
     * organisation's licence took after the check fails the step, which goes again skipping it, and the row is
     * created under a new code. The step's other rows are created once, and the other licence keeps its code.
     */
    @Test
    void aCodeTakenAfterTheCheckIsReplacedAtTheImportAndTheRestOfItsStepIsCreatedOnce() throws Exception {
        String code = "QX%06d".formatted(org.id());
        String file = HEADER + "\n"
                + ",Before,,,,Monthly,1,,,,,,,\n"
                + code + ",Coded,,,,Monthly,1,,,,,,,\n"
                + ",After,,,,Monthly,1,,,,,,,\n";
        LicenceImport checked = check(file);
        assertThat(checked.rowsToCreate()).isEqualTo(3);
        Plan theirs = fixture.monthlyPlan(other);
        long takenBy = licences.create(other.manager(), new NewLicence(theirs.id(), "Theirs", null, 1, null))
                .id();
        jdbc.sql("update licence set coupon_code = :code where id = :id")
                .param("code", code)
                .param("id", takenBy)
                .update();

        LicenceImport imported = confirm(checked);

        assertThat(imported.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(imported.rowsCreated()).isEqualTo(3);
        assertThat(licenceCount(org)).isEqualTo(3);
        assertThat((String) licenceNamed("Coded").get("coupon_code"))
                .matches("[A-Z0-9]{8}")
                .isNotEqualTo(code);
        assertThat(licenceNamed("Before")).isNotNull();
        assertThat(licenceNamed("After")).isNotNull();
        assertThat(jdbc.sql("select coupon_code from licence where id = :id")
                        .param("id", takenBy)
                        .query(String.class)
                        .single())
                .isEqualTo(code);
    }

    @Test
    void aCodeAnotherLicenceHasIsReplacedAndOneTheOrganisationHasIsLeftAlone() throws Exception {
        Plan theirs = fixture.monthlyPlan(other);
        String takenElsewhere = licences.create(other.manager(), new NewLicence(theirs.id(), "Theirs", null, 1, null))
                .couponCode()
                .value();
        String ours = licences.create(org.manager(), new NewLicence(monthly.id(), "Ours", null, 1, null))
                .couponCode()
                .value();
        String file = HEADER + "\n"
                + takenElsewhere + ",Moved over,,,,Monthly,1,,,,,,,\n"
                + ours + ",Ours again,,,,Monthly,1,,,,,,,\n"
                + "ZZ99ZZ99,Fresh,,,,Monthly,1,,,,,,,\n"
                + "ZZ99ZZ99,Twice,,,,Monthly,1,,,,,,,\n"
                + "bad#code,Typed badly,,,,Monthly,1,,,,,,,\n";
        LicenceImport checked = check(file);

        assertThat(checked.rowsPresent()).as("the organisation's own code").isEqualTo(1);
        assertThat(checked.rowsRefused()).as("the same code twice in the file").isEqualTo(1);
        assertThat(imports.problems(org.manager(), checked.id()))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.line()).isEqualTo(5);
                    assertThat(problem.column()).isEqualTo("code");
                    assertThat(problem.reason().arguments()).containsExactly("4");
                });
        assertThat(checked.rowsToCreate()).isEqualTo(3);
        assertThat(checked.rowsNewCode()).isEqualTo(2);
        // "Ours" was added in the console, not imported: the report says only that it is there already
        for (String language : List.of("en-GB", "fr")) {
            Document report = Jsoup.parse(mvc.perform(get("/licences/imports/" + checked.id())
                            .header("Accept-Language", language)
                            .with(manager))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(report.select("#total-present")
                            .first()
                            .previousElementSibling()
                            .text())
                    .isEqualTo(
                            language.equals("fr")
                                    ? "Déjà dans LicenceDesk (laissées telles quelles)"
                                    : "Already in LicenceDesk (left alone)");
            assertThat(report.body().text())
                    .doesNotContainIgnoringCase("already imported")
                    .doesNotContain("déjà importée");
        }
        confirm(checked);

        assertThat(licenceNamed("Moved over").get("coupon_code")).isNotEqualTo(takenElsewhere);
        assertThat(licenceNamed("Fresh").get("coupon_code")).isEqualTo("ZZ99ZZ99");
        assertThat((String) licenceNamed("Typed badly").get("coupon_code")).matches("[A-Z0-9]{8}");
        assertThat(licenceCount(org)).isEqualTo(4);
        assertThat(check(file).rowsToCreate())
                .as("the moved licence is known by its old code")
                .isZero();
    }

    @Test
    void rowsWithoutReferenceOrCodeAreKnownByTheFileAndLineSoTheSameFileCreatesNothingTwice() throws Exception {
        String file = "name,plan,screens\nFirst,Monthly,1\nFirst,Monthly,1\n";
        assertThat(confirm(check(file)).rowsCreated()).isEqualTo(2);
        assertThat(check(file).rowsToCreate()).isZero();

        String byReference = "reference,name,plan,screens\nOLD-1,Kept,Monthly,1\nOLD-1,Again,Monthly,1\n";
        LicenceImport referenced = check(byReference);
        assertThat(referenced.rowsToCreate()).isEqualTo(1);
        assertThat(referenced.rowsRefused()).isEqualTo(1);
        confirm(referenced);
        assertThat(check("reference,name,plan,screens\nOLD-1,Renamed,Monthly,4\n")
                        .rowsPresent())
                .isEqualTo(1);
    }

    static List<Arguments> filesThatAreNotLicenceCsvs() {
        byte[] latin1 = (HEADER + "\n,Caf\u00e9,,,,Monthly,1,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = ("\uFEFF" + HEADER + "\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 0, 0};
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        String longLine = HEADER + "\n,Huge," + "x".repeat(10 * 1024 * 1024) + ",,,Monthly,1,,,,,,,\n";
        // Refused after batches of good rows were staged: they must be gone with the refusal too.
        var goodRowsThenAnOpenQuote = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 12_000; i++) {
            goodRowsThenAnOpenQuote.append(",Screen ").append(i).append(",,,,Monthly,1,,,,,,,\n");
        }
        goodRowsThenAnOpenQuote.append(",\"Open,,,,Monthly,1,,,,,,,\n");
        return List.of(
                Arguments.of("empty", new byte[0], "The file is empty"),
                Arguments.of("byte order mark only", "\uFEFF".getBytes(StandardCharsets.UTF_8), "The file is empty"),
                Arguments.of("blank lines only", "\n  \n".getBytes(StandardCharsets.UTF_8), "The file is empty"),
                Arguments.of("header only", (HEADER + "\n").getBytes(StandardCharsets.UTF_8), "no licences under it"),
                Arguments.of(
                        "unknown column",
                        "name,plan,screens,colour\nA,Monthly,1,red\n".getBytes(StandardCharsets.UTF_8),
                        "a column “colour”"),
                Arguments.of(
                        "missing column",
                        "name,plan\nA,Monthly\n".getBytes(StandardCharsets.UTF_8),
                        "no “screens” column"),
                Arguments.of(
                        "repeated column",
                        "name,plan,screens,name\nA,Monthly,1,B\n".getBytes(StandardCharsets.UTF_8),
                        "the column “name” twice"),
                Arguments.of("Latin-1", latin1, "not UTF-8 text (line 2)"),
                Arguments.of(
                        "semicolons",
                        "nom;offre;\u00e9crans\nA;Monthly;1\n".getBytes(StandardCharsets.UTF_8),
                        "separated by semicolons"),
                Arguments.of(
                        "tabs",
                        "name\tplan\tscreens\nA\tMonthly\t1\n".getBytes(StandardCharsets.UTF_8),
                        "separated by tabs"),
                Arguments.of(
                        "no header",
                        "A,Monthly,1\nB,Monthly,2\n".getBytes(StandardCharsets.UTF_8),
                        "The first row is not a header"),
                Arguments.of("UTF-16", utf16, "saved as UTF-16"),
                Arguments.of("xlsx renamed", xlsx, "This is a spreadsheet file"),
                Arguments.of("xls renamed", xls, "This is a spreadsheet file"),
                Arguments.of(
                        "quote never closed",
                        (HEADER + "\n,\"Open,,,,Monthly,1,,,,,,,\n,Next,,,,Monthly,1,,,,,,,\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "The quotes near line 2 do not pair up"),
                Arguments.of(
                        "quote never closed after 12,000 good rows",
                        goodRowsThenAnOpenQuote.toString().getBytes(StandardCharsets.UTF_8),
                        "do not pair up"),
                Arguments.of(
                        "stray quote",
                        (HEADER + "\n,\"Name\"x,,,,Monthly,1,,,,,,,\n").getBytes(StandardCharsets.UTF_8),
                        "do not pair up"),
                Arguments.of("10 MB line", longLine.getBytes(StandardCharsets.UTF_8), "longer than 100,000 characters"),
                Arguments.of("binary", new byte[] {1, 0, 2, 0, 3, 0}, "not a text file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatAreNotLicenceCsvs")
    void aFileThatIsNotALicenceCsvIsRefusedWholeWithAClearMessage(String kind, byte[] file, String message)
            throws Exception {
        LicenceImport checked = check(file);

        assertThat(checked.status()).isEqualTo(ImportStatus.REFUSED);
        String page = mvc.perform(get("/licences/imports/" + checked.id()).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This file cannot be imported.").contains(message);
        assertThat(jdbc.sql("select count(*) from licence_import_row where import_id = :id")
                        .param("id", checked.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> imports.confirm(org.manager(), checked.id()))
                .isInstanceOf(ImportRefusedException.class);
        assertThat(licenceCount(org)).isZero();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedAtUpload() throws Exception {
        // The limit is 1 GB by default; the tests set 12 MB so that this one need not send a gigabyte.
        byte[] large = new byte[13 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        String answer = mvc.perform(post("/licences/imports")
                        .content(large)
                        .contentType("text/csv")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().isContentTooLarge())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer)
                .contains("larger than 12 MB")
                .contains("\"type\":\"https://licencedesk.io/problems/too-large\"");
        assertThat(imports.recent(org.manager())).isEmpty();
    }

    /** The page's script reads the type of each refusal of an upload, as the API's callers do (decision 0104). */
    @Test
    void aBodyThatIsNotAFileIsRefusedWithATypedProblem() throws Exception {
        String answer = mvc.perform(post("/licences/imports")
                        .content("{}")
                        .contentType("application/json")
                        .header("Accept", "application/json")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("\"type\":\"https://licencedesk.io/problems/unsupported-media-type\"");
        assertThat(imports.recent(org.manager())).isEmpty();
    }

    @Test
    void anotherOrganisationAClientAndAnonymousAreRefused() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        var otherManager = fixture.signedIn(other.manager().email());
        var client = fixture.signedIn(org.alice().email());
        String id = Long.toString(checked.id());
        for (String path : List.of(
                "/licences/imports/" + id,
                "/licences/imports/" + id + "/progress",
                "/licences/imports/" + id + "/problems.csv")) {
            mvc.perform(get(path).with(otherManager)).andExpect(status().isNotFound());
            mvc.perform(get(path).with(client)).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        }
        for (String path : List.of("/licences/imports/" + id + "/import", "/licences/imports/" + id + "/discard")) {
            mvc.perform(post(path).with(csrf()).with(otherManager)).andExpect(status().isNotFound());
            mvc.perform(post(path).with(csrf()).with(client)).andExpect(status().isForbidden());
            mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/licences/imports")
                        .content("name,plan,screens\nA,Monthly,1\n")
                        .contentType("text/csv")
                        .with(csrf())
                        .with(client))
                .andExpect(status().isForbidden());
        mvc.perform(post("/licences/imports")
                        .content("name,plan,screens\nA,Monthly,1\n")
                        .contentType("text/csv")
                        .with(manager))
                .andExpect(status().isForbidden());
        assertThat(imports.find(org.manager(), checked.id()).status()).isEqualTo(ImportStatus.CHECKED);
        assertThat(licenceCount(org)).isZero();
        assertThat(imports.recent(other.manager())).isEmpty();
    }

    /** The import form as a browser without JavaScript posts it: the page's token first, then the file. */
    static byte[] form(String token, String fileName, String file) {
        String boundary = "----form";
        String body = "--" + boundary + "\r\n"
                + (token == null
                        ? ""
                        : "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + boundary
                                + "\r\n")
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static final String FORM_TYPE = "multipart/form-data; boundary=----form";

    /** The import page as a browser holds it: its form's token, and the cookies that came with it. */
    record FormPage(String token, Cookie... cookies) {}

    FormPage formPage(RequestPostProcessor who) throws Exception {
        var response = mvc.perform(get("/licences/imports").with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        String token = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                .selectFirst("#import-form input[name=_csrf]")
                .attr("value");
        return new FormPage(token, response.getCookies());
    }

    /**
     * Without JavaScript the browser posts the import's form itself, multipart with the token in the body; the CSRF
     * filter read no multipart body, so it answered "This form has expired" and nothing could be imported.
     */
    @Test
    void theFormPostedWithoutJavaScriptChecksTheFileAndGoesToItsPage() throws Exception {
        FormPage form = formPage(manager);

        String page = mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(manager)
                        .contentType(FORM_TYPE)
                        .content(form(form.token(), "shop.csv", "name,plan,screens\nA,Monthly,1\n")))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getHeader("Location");

        LicenceImport checked = settled(Long.parseLong(page.substring(page.lastIndexOf('/') + 1)));
        assertThat(checked.fileName()).isEqualTo("shop.csv");
        assertThat(checked.rowsToCreate()).isEqualTo(1);
    }

    @Test
    void theFormWithoutAFileGoesBackToItWithTheReason() throws Exception {
        FormPage form = formPage(manager);

        mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(manager)
                        .contentType(FORM_TYPE)
                        .content(form(form.token(), "", "")))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/licences/imports"))
                .andExpect(flash().attribute("toast", "Choose a CSV file."));
        assertThat(imports.recent(org.manager())).isEmpty();
    }

    /** CSRF stays on for the form: no token, another session's token, a client or nobody signed in import nothing. */
    @Test
    void theFormWithoutItsTokenOrFromAnotherSessionOrPersonIsRefused() throws Exception {
        FormPage form = formPage(manager);
        String token = form.token();
        String otherToken = formPage(fixture.signedIn(other.manager().email())).token();
        byte[] file = "name,plan,screens\nA,Monthly,1\n".getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(manager)
                        .contentType(FORM_TYPE)
                        .content(form(null, "a.csv", new String(file, StandardCharsets.UTF_8))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(manager)
                        .contentType(FORM_TYPE)
                        .content(form(otherToken, "a.csv", new String(file, StandardCharsets.UTF_8))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(fixture.signedIn(org.alice().email()))
                        .contentType(FORM_TYPE)
                        .content(form(token, "a.csv", new String(file, StandardCharsets.UTF_8))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/licences/imports")
                        .contentType(FORM_TYPE)
                        .content(form(token, "a.csv", new String(file, StandardCharsets.UTF_8))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/licences/imports")
                        .cookie(form.cookies())
                        .with(manager)
                        .contentType("multipart/form-data")
                        .content(file))
                .andExpect(status().isForbidden());
        assertThat(imports.recent(org.manager())).isEmpty();
        assertThat(imports.recent(other.manager())).isEmpty();
    }

    @Test
    void theProgressAnswerAndTheListOfImportsShowTheImport() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        String progress = mvc.perform(
                        get("/licences/imports/" + checked.id() + "/progress").with(manager))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).contains("\"status\":\"checked\"").contains("\"running\":false");
        String list = mvc.perform(get("/licences/imports").with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("licences.csv").contains("Checked");
        mvc.perform(post("/licences/imports/" + checked.id() + "/discard")
                        .with(csrf())
                        .with(manager))
                .andExpect(status().is3xxRedirection());
        assertThat(imports.find(org.manager(), checked.id()).status()).isEqualTo(ImportStatus.DISCARDED);
        assertThatThrownBy(() -> imports.confirm(org.manager(), checked.id()))
                .isInstanceOf(ImportRefusedException.class);
    }

    /** The file's size read "1538 bytes" (and "10 523 808 octets" for a large one): it reads as a person says it. */
    @Test
    void theImportPageGivesTheFilesSizeAsAPersonReadsItInTheirLanguage() throws Exception {
        var file = new StringBuilder("name,plan,screens\n");
        for (int row = 0; row < 95; row++) {
            file.append("A%04d,Monthly,1\n".formatted(row));
        }
        assertThat(file.length()).isEqualTo(1538);
        LicenceImport larger = check(file.toString());
        LicenceImport small = check("name,plan,screens\nA0001,Monthly,1\n");

        assertThat(sentBy(larger, "en")).startsWith("1.5 KB, sent by ");
        assertThat(sentBy(larger, "fr")).startsWith("1,5 ko, envoyé par ");
        assertThat(sentBy(small, "en")).startsWith("34 bytes, sent by ");
        assertThat(sentBy(small, "fr")).startsWith("34 octets, envoyé par ");
    }

    private String sentBy(LicenceImport job, String language) throws Exception {
        String page = mvc.perform(
                        get("/licences/imports/" + job.id()).with(manager).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(page).selectFirst("h1 + p").text();
    }

    @Test
    void theListOfImportsNamesEachStatusInTheManagersLanguage() throws Exception {
        check("name,plan,screens\nA,Monthly,1\n");
        check(new byte[0]);

        String french = mvc.perform(get("/licences/imports").with(manager).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french)
                .contains("<td>Vérifié</td>", "<td>Fichier refusé</td>", ">Créées</th>")
                .doesNotContain(">Checked<", ">Refused<", ">Créée</th>");
        String english = mvc.perform(get("/licences/imports").with(manager).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("<td>Checked</td>", "<td>File refused</td>");
    }

    @Test
    void theReportSaysItShowsOnlyTheFirstProblemsWhenThereAreMoreProblemsThanItShows() throws Exception {
        // 600 refused rows, two problems each: more problems than the page shows, though fewer rows
        StringBuilder file = new StringBuilder("name,plan,screens\n");
        for (int row = 0; row < 600; row++) {
            file.append("Row ").append(row).append(",No such plan,0\n");
        }
        LicenceImport checked = check(file.toString());

        String page = mvc.perform(get("/licences/imports/" + checked.id()).with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(checked.rowsRefused()).isEqualTo(600);
        assertThat(Jsoup.parse(page).select("#import-problems tbody tr")).hasSize(LicenceImports.PROBLEMS_SHOWN);
        assertThat(page).contains("The first 1,000 problems are shown here.", "Download every refused row (CSV)");
    }

    @Test
    void theProgressSaysTheTimeLeftIsNotKnownYetBeforeTheImportHasARate() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        // As the import stands while its transaction starts, before a licence is written
        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", checked.id()).update();
        try {
            for (String language : List.of("en", "fr")) {
                String page = mvc.perform(get("/licences/imports/" + checked.id())
                                .with(manager)
                                .header("Accept-Language", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                String figures = Jsoup.parse(page).select("#import-figures").text();
                assertThat(figures)
                        .contains(
                                language.equals("en")
                                        ? "rows/s, time left not known yet. You can leave this page"
                                        : "lignes/s, temps restant pas encore connu. Vous pouvez quitter cette page")
                        .doesNotContain(", .");
            }
        } finally {
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = :id")
                    .param("id", checked.id())
                    .update();
        }
    }
    /** The running import's bar wrote "0%" in French too, where a no-break space goes before % (decision 0093). */
    @Test
    void theProgressBarWritesItsPercentageInThePagesLanguage() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", checked.id()).update();
        try {
            for (String language : List.of("en", "fr")) {
                String page = mvc.perform(get("/licences/imports/" + checked.id())
                                .with(manager)
                                .header("Accept-Language", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(Jsoup.parse(page)
                                .select("#import-progress .progress-bar")
                                .first()
                                .wholeText())
                        .isEqualTo(language.equals("en") ? "0%" : "0\u00a0%");
            }
        } finally {
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = :id")
                    .param("id", checked.id())
                    .update();
        }
    }

    /**
     * The running import's page polls its progress; once the session ended, that answered with a redirect to the
     * sign-in page, which the script could not read, so it went on polling and said nothing (decision 0088). A
     * script's request now gets a 401 problem, and the page holds the message and link it then shows; a person
     * asking for a page still goes to the sign-in page.
     */
    @Test
    void aProgressAskedAfterTheSessionEndedIsA401AndThePageHasTheWordsToSayIt() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        String progress = "/licences/imports/" + checked.id() + "/progress";

        var signedOut = mvc.perform(get(progress).header("Accept", "application/json"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andReturn()
                .getResponse();
        assertThat(signedOut.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":401");
        mvc.perform(get("/licences/imports/" + checked.id()).header("Accept", "text/html,*/*;q=0.8"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));

        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", checked.id()).update();
        try {
            for (String language : List.of("en", "fr")) {
                Document page = Jsoup.parse(mvc.perform(get("/licences/imports/" + checked.id())
                                .with(manager)
                                .header("Accept-Language", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
                var message = page.getElementById("import-signed-out");
                assertThat(message).isNotNull();
                assertThat(message.attr("role")).isEqualTo("alert");
                // Jsoup's text() writes the French no-break space as a space.
                assertThat(message.text())
                        .isEqualTo(
                                language.equals("en")
                                        ? "Your session has ended, so this page no longer follows the import. The"
                                                + " import goes on without it. Sign in again to follow it"
                                        : "Votre session a pris fin : cette page ne suit plus l’import. L’import"
                                                + " continue sans elle. Reconnectez-vous pour le suivre");
                assertThat(message.selectFirst("a").attr("href")).isEqualTo("/licences/imports/" + checked.id());
            }
        } finally {
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = :id")
                    .param("id", checked.id())
                    .update();
        }
    }

    /**
     * The progress bar's fetch asks for JSON; an import it could not see (unknown, or another organisation's) was
     * answered the HTML 404 page, which the script failed to read and asked for again every 3 s, saying nothing. It
     * is now a not-found problem, in the person's language, and the running page holds the words it then shows; a
     * person's browser still gets the error page.
     */
    @Test
    void aProgressOfAnImportNotFoundIsAProblemForTheScriptAndThePageHasTheWordsToSayIt() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        var otherManager = fixture.signedIn(other.manager().email());
        Map<String, RequestPostProcessor> asked = Map.of(
                "/licences/imports/" + checked.id() + "/progress", otherManager,
                "/licences/imports/" + (checked.id() + 1000) + "/progress", manager);
        for (var ask : asked.entrySet()) {
            for (String language : List.of("en", "fr")) {
                String problem = mvc.perform(get(ask.getKey())
                                .header("Accept", "application/json")
                                .header("Accept-Language", language)
                                .with(ask.getValue()))
                        .andExpect(status().isNotFound())
                        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(problem)
                        .contains("\"type\":\"https://licencedesk.io/problems/not-found\"")
                        .contains("\"status\":404")
                        .contains(
                                language.equals("en")
                                        ? "There is no such import, or it is not your organisation's."
                                        : "Cet import n’existe pas, ou n’est pas celui de votre organisation.");
            }
            mvc.perform(get(ask.getKey().replace("/progress", "")).with(ask.getValue()))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", startsWith("text/html")));
        }

        jdbc.sql("""
                        update licence_import set status = 'IMPORTING', rows_inserted = 0,
                               import_started_at = current_timestamp, heartbeat_at = current_timestamp
                         where id = :id""").param("id", checked.id()).update();
        try {
            for (String language : List.of("en", "fr")) {
                Document page = Jsoup.parse(mvc.perform(get("/licences/imports/" + checked.id())
                                .with(manager)
                                .header("Accept-Language", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
                var message = page.getElementById("import-gone");
                assertThat(message).isNotNull();
                assertThat(message.attr("role")).isEqualTo("alert");
                assertThat(message.text())
                        .isEqualTo(
                                language.equals("en")
                                        ? "This import can no longer be found, so this page stops following it. See"
                                                + " your imports"
                                        : "Cet import est introuvable : cette page cesse de le suivre. Voir vos"
                                                + " imports");
                assertThat(message.selectFirst("a").attr("href")).isEqualTo("/licences/imports");
            }
        } finally {
            jdbc.sql("update licence_import set status = 'DISCARDED' where id = :id")
                    .param("id", checked.id())
                    .update();
        }
    }

    /**
     * The import pages gave their times without a time zone ("5 Dec 2026, 17:40"): they are the server's (TZ,
     * docs/operations.md), and now say which (decision 0088).
     */
    @Test
    void theImportPagesNameTheTimeZoneOfTheirTimes() throws Exception {
        LicenceImport checked = check("name,plan,screens\nA,Monthly,1\n");
        String shown = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", java.util.Locale.ENGLISH)
                .format(checked.createdAt().atZone(java.time.ZoneId.systemDefault()));
        assertThat(shown).matches(".*\\d\\d:\\d\\d \\S+");

        assertThat(sentBy(checked, "en")).endsWith(" on " + shown);
        String list = mvc.perform(get("/licences/imports").with(manager).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(list).select("tbody tr td:nth-child(2)").eachText())
                .contains(shown);
    }
    /** One licence imported was followed by "See them in the list" ("Les voir dans la liste"): it now says "it". */
    @Test
    void theImportedMessageSpeaksOfOneLicenceAsOne() throws Exception {
        LicenceImport one = confirm(check("name,plan,screens\nOne,Monthly,1\n"));
        LicenceImport two = confirm(check("name,plan,screens\nTwo,Monthly,1\nThree,Monthly,1\n"));

        assertThat(importedMessage(one, "en")).isEqualTo("Imported 1 licence. See it in the list.");
        assertThat(importedMessage(one, "fr")).isEqualTo("1 licence importée. La voir dans la liste.");
        assertThat(importedMessage(two, "en")).isEqualTo("Imported 2 licences. See them in the list.");
        assertThat(importedMessage(two, "fr")).isEqualTo("2 licences importées. Les voir dans la liste.");
    }

    private String importedMessage(LicenceImport job, String language) throws Exception {
        String page = mvc.perform(
                        get("/licences/imports/" + job.id()).with(manager).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(page).getElementById("import-done-message").text();
    }
    /**
     * A licence an import created had nothing on its page to say so: an import records no history per licence
     * (decision 0047), so its history began with whatever came next. Its page now names the import and links to it.
     */
    @Test
    void aLicenceAnImportCreatedNamesTheImportOnItsPage() throws Exception {
        LicenceImport imported = confirm(check("name,plan,screens\nFrom the file,Monthly,1\n"));
        long fromTheFile = ((Number) licenceNamed("From the file").get("id")).longValue();
        long byHand = licences.create(org.manager(), new NewLicence(monthly.id(), "By hand", null, 1, null))
                .id();

        Document english = licencePage(fromTheFile, "en");
        assertThat(english.getElementById("imported-from").attr("href"))
                .isEqualTo("/licences/imports/" + imported.id());
        assertThat(english.getElementById("imported-from").parent().text()).endsWith(", imported from licences.csv");
        assertThat(licencePage(fromTheFile, "fr")
                        .getElementById("imported-from")
                        .parent()
                        .text())
                .endsWith(", importée depuis licences.csv");
        assertThat(licencePage(byHand, "en").getElementById("imported-from")).isNull();
    }

    private Document licencePage(long id, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get("/licences/" + id).with(manager).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /**
     * A refused or an interrupted import had no Discard on its page, though the server discards it: it stayed in Recent
     * imports as "File refused" or "Interrupted" for good. Its page now has the checked import's Discard, which says
     * what it did, and the list then names it Discarded.
     */
    @Test
    void aRefusedOrInterruptedImportIsDiscardedFromItsPageAndListedAsDiscarded() throws Exception {
        LicenceImport refused = check(new byte[0]);
        LicenceImport interrupted = check("name,plan,screens\nA,Monthly,1\n");
        jdbc.sql("update licence_import set status = 'INTERRUPTED' where id = :id")
                .param("id", interrupted.id())
                .update();
        assertThat(refused.status()).isEqualTo(ImportStatus.REFUSED);

        for (LicenceImport job : List.of(refused, interrupted)) {
            String action = "/licences/imports/" + job.id() + "/discard";
            Document page =
                    Jsoup.parse(mvc.perform(get("/licences/imports/" + job.id()).with(manager))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8));
            var discard = page.selectFirst("form[method=post][action='" + action + "'] button[type=submit]");
            assertThat(discard).isNotNull();
            assertThat(discard.text()).isEqualTo("Discard");
            assertThat(page.getElementById("import-confirm")).isNull();
            assertThat(page.getElementById("import-nothing")).isNull();

            mvc.perform(post(action).with(csrf()).with(manager))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", "/licences/imports"))
                    .andExpect(flash().attribute("toast", "The check was discarded; nothing was imported."))
                    .andExpect(flash().attribute("toastKind", "success"));
            assertThat(imports.find(org.manager(), job.id()).status()).isEqualTo(ImportStatus.DISCARDED);
        }
        Document list = Jsoup.parse(mvc.perform(get("/licences/imports").with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        for (LicenceImport job : List.of(refused, interrupted)) {
            var row = list.selectFirst("a[href='/licences/imports/" + job.id() + "']")
                    .closest("tr");
            assertThat(row.select("td").get(3).text()).isEqualTo("Discarded");
        }
    }

    /**
     * A refused row whose note held line breaks was reported at its last line (where the parser found its end); a
     * person looks for it at its first. The page's report, the refused rows' CSV and the REST API's problems now give
     * the line the row starts on, as does "already on line N" for a row repeated after one spanning lines.
     */
    @Test
    void aRefusedRowSpanningLinesIsReportedAtItsFirstLineOnThePageTheCsvAndTheApi() throws Exception {
        LicenceImport checked = check("name,plan,screens,code,note\r\n"
                + "Lobby,Monthly,1,AB12CD34,\"first\r\nsecond\"\r\n" // lines 2-3, kept
                + "Kiosk,Weekly,1,,\"one\r\ntwo\r\nthree\"\r\n" // lines 4-6, refused
                + "Again,Monthly,1,AB12CD34,\r\n"); // line 7, the same code as line 2

        Document page =
                Jsoup.parse(mvc.perform(get("/licences/imports/" + checked.id()).with(manager))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#import-problems tbody tr").eachText())
                .containsExactly(
                        "4 plan No plan is named “Weekly”. Add the plan first, or use the name of one of your plans.",
                        "7 code The same licence is already on line 2 of this file.");

        String report = mvc.perform(get("/licences/imports/" + checked.id() + "/problems.csv")
                        .with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactly("4", "7");

        String problems = mvc.perform(get("/api/v1/licence-imports/" + checked.id() + "/problems")
                        .with(TestFixture.bearer(fixture.token(org.manager()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var answered = tools.jackson.databind.json.JsonMapper.builder().build().readTree(problems);
        assertThat(answered.size()).isEqualTo(2);
        assertThat(answered.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(answered.get(1).get("line").asInt()).isEqualTo(7);
    }
}
