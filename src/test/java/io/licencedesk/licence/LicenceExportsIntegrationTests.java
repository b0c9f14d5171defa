package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The export hands over exactly the rows of the main list, every page of it, in its order, whatever the
 * filters and sort (H2 here, PostgreSQL in the subclass).
 */
@IntegrationTest
class LicenceExportsIntegrationTests {

    static final int PAGE = 25;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    LicenceExports exports;

    @Autowired
    TestLicences testLicences;

    TestOrganisation org;

    @BeforeEach
    void thirtyFiveLicences() {
        org = organisations.create();
        Plan monthly = fixture.monthlyPlan(org);
        Plan yearly = fixture.yearlyPlan(org);
        Long alice = org.alice().userId();
        Long bob = org.bob().userId();
        for (int number = 1; number <= 30; number++) {
            // Names and quantities repeat, so that the order of equal keys (by id) counts too.
            licences.create(
                    org.manager(),
                    new NewLicence(
                            (number % 3 == 0 ? yearly : monthly).id(),
                            "Screen " + (number % 7),
                            number % 4 == 0 ? "lobby note" : null,
                            1 + number % 5,
                            number % 2 == 0 ? alice : number % 5 == 0 ? bob : null));
        }
        var today = testLicences.today();
        testLicences.activated(org.owner(), monthly, alice, "Ending soon", today.minusDays(25));
        testLicences.activated(org.owner(), monthly, bob, "Ended", today.minusDays(60));
        testLicences.activated(org.owner(), yearly, bob, "Running", today.minusDays(10));
        testLicences.activated(org.owner(), monthly, alice, "Lobby ended", today.minusDays(90));
        testLicences.invoiced(org.owner(), yearly, alice, "Invoiced lobby");
    }

    List<Long> listed(LicenceFilter filter) {
        List<Long> ids = new ArrayList<>();
        var listing = licences.list(org.manager(), filter, LicencePageRequest.first(PAGE));
        listing.rows().forEach(row -> ids.add(row.id()));
        while (listing.hasNext()) {
            listing = licences.list(
                    org.manager(), filter, new LicencePageRequest(listing.nextCursor(), null, false, PAGE));
            listing.rows().forEach(row -> ids.add(row.id()));
        }
        return ids;
    }

    List<Long> exported(LicenceFilter filter) {
        List<Long> ids = new ArrayList<>();
        exports.licences(org.manager(), filter, licence -> ids.add(licence.id()));
        return ids;
    }

    @Test
    void exportsEveryPageOfTheListInItsOrderForEachSort() {
        for (LicenceSort sort : LicenceSort.values()) {
            for (boolean ascending : List.of(true, false)) {
                var filter = new LicenceFilter(null, false, false, null, sort, ascending);
                List<Long> listed = listed(filter);
                assertThat(listed).hasSize(35);
                assertThat(exported(filter)).as("%s %s", sort, ascending).isEqualTo(listed);
            }
        }
    }

    @Test
    void exportsWhatTheFiltersAndSearchLeave() {
        long alice = org.alice().userId();
        List<LicenceFilter> filters = List.of(
                new LicenceFilter(alice, false, false, null, LicenceSort.NAME, true),
                new LicenceFilter(null, true, false, null, LicenceSort.ENDS, true),
                new LicenceFilter(null, false, true, null, LicenceSort.CREATED, false),
                new LicenceFilter(null, true, true, "lobby", LicenceSort.AMOUNT, false),
                new LicenceFilter(null, false, false, "lobby", LicenceSort.CODE, true),
                new LicenceFilter(null, false, false, "yearly", LicenceSort.QUANTITY, false),
                new LicenceFilter(null, false, false, "Assigned", LicenceSort.CREATED, false),
                new LicenceFilter(alice, false, false, "screen 2", LicenceSort.CREATED, false),
                new LicenceFilter(null, false, false, "nothing like it", LicenceSort.CREATED, false));
        for (LicenceFilter filter : filters) {
            assertThat(exported(filter)).as(filter.toString()).isEqualTo(listed(filter));
        }
        assertThat(exported(filters.get(0))).hasSizeGreaterThan(PAGE - 10);
        assertThat(exported(filters.get(3))).isNotEmpty();
    }

    /** The export takes the list's search: a code written in groups finds its licence there too (decision 0152). */
    @Test
    void exportsTheLicenceOfACodeWrittenInGroups() {
        var running = listed(new LicenceFilter(null, false, false, "Running", LicenceSort.CREATED, false));
        assertThat(running).hasSize(1);
        String code =
                licences.details(org.manager(), running.get(0)).couponCode().value();
        var filter = new LicenceFilter(
                null,
                false,
                false,
                code.substring(0, 4) + "-" + code.substring(4).toLowerCase(),
                LicenceSort.NAME,
                true);
        assertThat(exported(filter)).isEqualTo(running);
    }

    @Test
    void exportsTheColumnsOfALicence() {
        var today = testLicences.today();
        var filter = new LicenceFilter(null, false, false, "Running", LicenceSort.CREATED, false);
        List<ExportedLicence> rows = new ArrayList<>();
        exports.licences(org.manager(), filter, rows::add);

        assertThat(rows).hasSize(1);
        ExportedLicence licence = rows.get(0);
        LicenceDetails details = licences.details(org.manager(), licence.id());
        assertThat(licence.couponCode()).isEqualTo(details.couponCode().value());
        assertThat(licence.name()).isEqualTo("Running");
        assertThat(licence.note()).isNull();
        assertThat(licence.clientEmail()).isEqualTo(org.bob().email());
        assertThat(licence.clientCompany()).isEqualTo("Bob Ltd");
        assertThat(licence.planName()).isEqualTo("Yearly");
        assertThat(licence.quantity()).isEqualTo(1);
        assertThat(licence.amount().amount()).isEqualByComparingTo("100.00");
        assertThat(licence.amount().currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(licence.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(licence.billingStatus()).isEqualTo(BillingStatus.UNBILLED);
        assertThat(licence.activatedOn()).isEqualTo(today.minusDays(10));
        assertThat(licence.endsOn()).isEqualTo(today.minusDays(10).plusYears(1));
        assertThat(licence.createdAt()).isNotNull();
    }

    @Test
    void exportsOnlyTheSelectedLicencesOfTheCallersOrganisation() {
        var other = organisations.create();
        var theirs = licences.create(
                other.manager(), new NewLicence(fixture.monthlyPlan(other).id(), "Theirs", null, 1, null));
        List<Long> ours = listed(LicenceFilter.none()).subList(3, 6);
        List<Long> selection = new ArrayList<>(ours);
        selection.add(theirs.id());

        List<Long> ids = new ArrayList<>();
        exports.selected(org.manager(), selection, licence -> ids.add(licence.id()));

        assertThat(ids).isEqualTo(ours);
        List<Long> none = new ArrayList<>();
        exports.selected(org.manager(), List.of(), licence -> none.add(licence.id()));
        assertThat(none).isEmpty();
    }

    /** PostgreSQL's driver streams through a cursor only inside a transaction; outside one it reads all rows first. */
    @Test
    void handsOverRowsInsideATransactionSoThatPostgresqlStreamsThem() {
        List<Boolean> inTransaction = new ArrayList<>();
        exports.licences(
                org.manager(),
                LicenceFilter.none(),
                licence -> inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive()));
        assertThat(inTransaction).hasSize(35).containsOnly(true);
    }

    @Test
    void refusesClients() {
        assertThatThrownBy(() -> exports.licences(org.alice(), LicenceFilter.none(), licence -> {}))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.selected(org.alice(), List.of(1L), licence -> {}))
                .isInstanceOf(AccessDeniedException.class);
    }
}
