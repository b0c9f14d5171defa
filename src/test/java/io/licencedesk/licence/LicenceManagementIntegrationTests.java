package io.licencedesk.licence;

import static io.licencedesk.support.InWords.saysSomething;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditTrail;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The licence façade and its list queries against a real database (H2 here, PostgreSQL in the subclass). */
@IntegrationTest
class LicenceManagementIntegrationTests {

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    LicenceManagement licences;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestLicences testLicences;

    @Autowired
    AuditTrail audit;

    @Autowired
    LicenceRepository repository;

    TestOrganisation org;
    Plan monthly;
    Plan yearly;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        yearly = fixture.yearlyPlan(org);
    }

    LicenceDetails create(String name, String note, Long clientId) {
        return licences.create(org.manager(), new NewLicence(monthly.id(), name, note, 2, clientId));
    }

    List<String> names(LicenceFilter filter) {
        return licences.list(org.manager(), filter, LicencePageRequest.first(100)).rows().stream()
                .map(LicenceRow::name)
                .toList();
    }

    static LicenceFilter keyword(String keyword) {
        return new LicenceFilter(null, false, false, keyword, LicenceSort.CREATED, false);
    }

    @Test
    void createsAssignedAndUnassignedLicencesThatAppearFirstInTheList() {
        LicenceDetails unassigned = create("Window display", null, null);
        LicenceDetails assigned =
                create("Lobby", "two portrait screens", org.alice().userId());

        assertThat(unassigned.status()).isEqualTo(LifecycleStatus.AVAILABLE);
        assertThat(assigned.status()).isEqualTo(LifecycleStatus.ASSIGNED);
        assertThat(assigned.amount().minorUnits()).isEqualTo(2000);
        assertThat(assigned.couponCode().value()).matches("[A-Z0-9]{8}");
        var listing = licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(25));
        assertThat(listing.rows()).extracting(LicenceRow::name).containsExactly("Lobby", "Window display");
        assertThat(listing.rows().get(0).clientEmail()).isEqualTo(org.alice().email());
        assertThat(listing.count()).isEqualTo(2);
    }

    @Test
    void refusesUnknownPlansClientsOfOtherOrganisationsAndBadQuantities() {
        TestOrganisation other = organisations.create();
        assertThatThrownBy(() -> licences.create(org.manager(), new NewLicence(999_999, "x", null, 1, null)))
                .isInstanceOf(InvalidLicenceException.class)
                .extracting("field")
                .isEqualTo("planId");
        assertThatThrownBy(() -> create("x", null, other.alice().userId()))
                .isInstanceOf(InvalidLicenceException.class)
                .extracting("field")
                .isEqualTo("clientId");
        assertThatThrownBy(() -> create("x", null, org.manager().userId()))
                .as("staff are not clients")
                .isInstanceOf(InvalidLicenceException.class);
        for (int quantity : new int[] {0, -1, 10_001}) {
            assertThatThrownBy(() ->
                            licences.create(org.manager(), new NewLicence(monthly.id(), "x", null, quantity, null)))
                    .isInstanceOf(InvalidLicenceException.class)
                    .extracting("field")
                    .isEqualTo("quantity");
        }
        assertThat(licences.list(org.manager(), LicenceFilter.none(), LicencePageRequest.first(25))
                        .rows())
                .isEmpty();
    }

    @Test
    void keepsOrganisationsApartAndClientsOut() {
        LicenceDetails mine = create("Mine", null, null);
        TestOrganisation other = organisations.create();

        assertThat(licences.list(other.manager(), LicenceFilter.none(), LicencePageRequest.first(25))
                        .rows())
                .isEmpty();
        assertThatThrownBy(() -> licences.details(other.manager(), mine.id()))
                .isInstanceOf(LicenceNotFoundException.class);
        assertThatThrownBy(() -> licences.pause(other.owner(), mine.id())).isInstanceOf(LicenceNotFoundException.class);
        assertThatThrownBy(() -> licences.delete(other.owner(), mine.id()))
                .isInstanceOf(LicenceNotFoundException.class);
        assertThatThrownBy(() -> licences.details(org.alice(), mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> licences.list(org.alice(), LicenceFilter.none(), LicencePageRequest.first(25)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(licences.details(org.manager(), mine.id()).status()).isEqualTo(LifecycleStatus.AVAILABLE);
    }

    @Test
    void searchesEveryFieldCaseInsensitively() {
        LicenceDetails lobby =
                create("Lobby", "Portrait SCREENS near the lift", org.alice().userId());
        create("Window", null, org.bob().userId());
        create("Kitchen 100%_done", null, null);

        assertThat(names(keyword("portrait"))).containsExactly("Lobby");
        assertThat(names(keyword(lobby.couponCode().value().toLowerCase()))).containsExactly("Lobby");
        assertThat(names(keyword(org.bob().email().toUpperCase()))).containsExactly("Window");
        assertThat(names(keyword("alice co"))).containsExactly("Lobby");
        assertThat(names(keyword("monthly"))).hasSize(3);
        assertThat(names(keyword("available"))).containsExactly("Kitchen 100%_done");
        assertThat(names(keyword("%_"))).containsExactly("Kitchen 100%_done");
        assertThat(names(keyword("nothing-matches-this"))).isEmpty();
    }

    /**
     * A code written in groups, as the portal's placeholder shows one ("AB12 CD34") and as people read one out, finds
     * its licence: the stored code has no separators, so a "contains" search for the term as typed found nothing
     * (decision 0152). A term that merely holds a space still searches names and notes.
     */
    @Test
    void aCodeWrittenInGroupsFindsItsLicence() {
        LicenceDetails lobby =
                create("Lobby screens", "Near the lift", org.alice().userId());
        create("Window", null, org.bob().userId());
        String code = lobby.couponCode().value();
        String halves = code.substring(0, 4) + " " + code.substring(4);

        for (String typed : List.of(
                halves,
                halves.toLowerCase(),
                code.substring(0, 4).toLowerCase() + "-" + code.substring(4),
                " " + code.substring(0, 2) + " " + code.substring(2, 5) + "\u2013" + code.substring(5) + " ")) {
            assertThat(names(keyword(typed))).as(typed).containsExactly("Lobby screens");
        }
        assertThat(names(keyword("Lobby screens"))).containsExactly("Lobby screens");
        assertThat(names(keyword("the lift"))).containsExactly("Lobby screens");
        assertThat(names(keyword(code.substring(0, 4) + " " + code.substring(4, 7))))
                .isEmpty();
    }

    @Test
    void searchFindsBillingStatusesByTheirWords() {
        create("Never billed", null, org.alice().userId());
        testLicences.invoiced(org.owner(), monthly, org.bob().userId(), "Billed");

        assertThat(names(keyword("invoiced"))).containsExactly("Billed");
        assertThat(names(keyword("UNBILLED"))).containsExactly("Never billed");
        assertThat(names(keyword("paid"))).isEmpty();
    }

    @Test
    void filtersByClientExpiringSoonAndExpiredAndCombinesThem() {
        create("Unassigned", null, null);
        create("Alice assigned", null, org.alice().userId());
        var today = testLicences.today();
        testLicences.activated(org.owner(), monthly, org.alice().userId(), "Alice soon", today.minusDays(20));
        testLicences.activated(org.owner(), yearly, org.alice().userId(), "Alice later", today.minusDays(20));
        testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob expired", today.minusMonths(2));
        testLicences.activated(org.owner(), monthly, org.bob().userId(), "Bob soon", today.minusDays(25));

        assertThat(names(new LicenceFilter(org.alice().userId(), false, false, null, null, false)))
                .containsExactlyInAnyOrder("Alice assigned", "Alice soon", "Alice later");
        assertThat(names(new LicenceFilter(null, true, false, null, null, false)))
                .containsExactlyInAnyOrder("Alice soon", "Bob soon");
        assertThat(names(new LicenceFilter(null, false, true, null, null, false)))
                .containsExactly("Bob expired");
        assertThat(names(new LicenceFilter(null, true, true, null, null, false)))
                .containsExactlyInAnyOrder("Alice soon", "Bob soon", "Bob expired");
        assertThat(names(new LicenceFilter(org.bob().userId(), true, false, null, null, false)))
                .containsExactly("Bob soon");
        assertThat(names(new LicenceFilter(org.bob().userId(), true, false, "nothing", null, false)))
                .isEmpty();
        assertThat(names(keyword("expired"))).containsExactly("Bob expired");
        var soon = licences.list(
                        org.manager(),
                        new LicenceFilter(null, true, false, null, null, false),
                        LicencePageRequest.first(10))
                .rows();
        assertThat(soon).allMatch(LicenceRow::expiringSoon);
    }

    @Test
    void pagesForwardBackwardAndToTheEndInEverySortOrder() {
        for (int i = 1; i <= 23; i++) {
            licences.create(
                    org.manager(),
                    new NewLicence(
                            i % 2 == 0 ? monthly.id() : yearly.id(),
                            "Licence " + (char) ('a' + (i * 7) % 23),
                            null,
                            (i * 5) % 11 + 1,
                            null));
        }
        for (LicenceSort sort : LicenceSort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                var filter = new LicenceFilter(null, false, false, null, sort, ascending);
                List<Long> all = licences.list(org.manager(), filter, LicencePageRequest.first(100)).rows().stream()
                        .map(LicenceRow::id)
                        .toList();
                assertThat(all).hasSize(23);

                List<Long> forward = new ArrayList<>();
                var page = licences.list(org.manager(), filter, LicencePageRequest.first(5));
                forward.addAll(ids(page));
                while (page.hasNext()) {
                    page = licences.list(
                            org.manager(), filter, new LicencePageRequest(page.nextCursor(), null, false, 5));
                    forward.addAll(ids(page));
                }
                assertThat(forward).as(sort + (ascending ? " asc" : " desc")).isEqualTo(all);

                var last = licences.list(org.manager(), filter, new LicencePageRequest(null, null, true, 5));
                assertThat(ids(last)).isEqualTo(all.subList(18, 23));
                assertThat(last.hasNext()).isFalse();
                var previous = licences.list(
                        org.manager(), filter, new LicencePageRequest(null, last.previousCursor(), false, 5));
                assertThat(ids(previous)).isEqualTo(all.subList(13, 18));
                assertThat(previous.hasPrevious()).isTrue();
                assertThat(previous.hasNext()).isTrue();
            }
        }
    }

    @Test
    void refusesATamperedCursor() {
        assertThatThrownBy(() -> licences.list(
                        org.manager(), LicenceFilter.none(), new LicencePageRequest("not-a-cursor!", null, false, 5)))
                .isInstanceOf(InvalidLicenceException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "AMOUNT, abc",
        "QUANTITY, ''",
        "AMOUNT, 99999999999999999999999",
        "ENDS, abc",
        "ENDS, 2026-13-45",
        "ENDS, +999999999-12-31",
        "ENDS, 10000-01-01",
        "ENDS, 0000-12-31"
    })
    void refusesACursorWhoseSortKeyIsNotOfTheSortsType(LicenceSort sort, String key) {
        String cursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((sort.name().toLowerCase(java.util.Locale.ROOT) + ".asc\n" + key + "\n5")
                        .getBytes(StandardCharsets.UTF_8));
        var sorted = new LicenceFilter(null, false, false, null, sort, true);

        for (var page : List.of(
                new LicencePageRequest(cursor, null, false, 5), new LicencePageRequest(null, cursor, false, 5))) {
            assertThatThrownBy(() -> licences.list(org.manager(), sorted, page))
                    .isInstanceOf(InvalidLicenceException.class)
                    .satisfies(saysSomething("not valid any more"));
        }
    }

    @Test
    void pausesResumesAndRecordsTheHistory() {
        LicenceDetails licence = create("Lobby", null, org.alice().userId());

        assertThat(licences.pause(org.manager(), licence.id()).status()).isEqualTo(LifecycleStatus.PAUSED);
        assertThatThrownBy(() -> licences.pause(org.manager(), licence.id()))
                .isInstanceOf(IllegalStatusChangeException.class);
        assertThat(licences.resume(org.owner(), licence.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);

        var history = audit.licenceHistory(org.manager(), licence.id());
        assertThat(history).extracting(record -> record.action()).containsExactly("RESUMED", "PAUSED", "CREATED");
        assertThat(history.get(0).actorEmail()).isEqualTo(org.owner().email());
        assertThat(history.get(1).changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("status");
            assertThat(change.before()).isEqualTo("Assigned");
            assertThat(change.after()).isEqualTo("Paused");
        });
        assertThat(audit.licenceHistory(organisations.create().manager(), licence.id()))
                .isEmpty();
    }

    @Test
    void recordsTheHistoryOfTheLongestNameAndNoteMadeOfCharactersThatJsonEscapes() {
        // The history's JSON (before → after) of a 2,000-character note of quotes was longer than its column.
        String name = "\"\\".repeat(100);
        String note = "\"\t\n\\".repeat(500);
        LicenceDetails licence = licences.create(
                org.manager(),
                new NewLicence(monthly.id(), name, note, 10_000, org.alice().userId()));

        licences.pause(org.manager(), licence.id());
        licences.resume(org.manager(), licence.id());

        var history = audit.licenceHistory(org.manager(), licence.id());
        assertThat(history).extracting(record -> record.action()).containsExactly("RESUMED", "PAUSED", "CREATED");
        assertThat(licences.details(org.manager(), licence.id()).note()).isEqualTo(note);
    }

    @Test
    void deletesUnusedLicencesAndRefusesUsedOrInvoicedOnes() {
        LicenceDetails unused = create("Unused", null, org.alice().userId());
        long used = testLicences.activated(org.owner(), monthly, org.alice().userId(), "Used", testLicences.today());
        long invoiced = testLicences.invoiced(org.owner(), monthly, org.alice().userId(), "Invoiced");

        licences.delete(org.manager(), unused.id());
        assertThatThrownBy(() -> licences.details(org.manager(), unused.id()))
                .isInstanceOf(LicenceNotFoundException.class);
        assertThat(audit.licenceHistory(org.manager(), unused.id()))
                .first()
                .extracting("action")
                .isEqualTo("DELETED");

        assertThatThrownBy(() -> licences.delete(org.manager(), used))
                .isInstanceOf(LicenceNotDeletableException.class)
                .satisfies(saysSomething("a client has used it"));
        assertThatThrownBy(() -> licences.delete(org.manager(), invoiced))
                .isInstanceOf(LicenceNotDeletableException.class)
                .satisfies(saysSomething("invoiced"));
        assertThat(names(LicenceFilter.none())).containsExactly("Invoiced", "Used");
    }

    @Test
    void keepsThePlanSnapshotWhenThePlanChanges() {
        LicenceDetails licence = create("Lobby", null, null);
        plans.updatePlan(
                org.owner(), monthly.id(), new NewPlan("Monthly", Period.ofMonths(2), new BigDecimal("12.50")));

        LicenceDetails after = licences.details(org.manager(), licence.id());
        assertThat(after.amount().minorUnits()).isEqualTo(2000);
        assertThat(after.termLabel()).isEqualTo("1 month");
    }

    @Test
    void drawsAnotherCouponCodeWhenTheDrawnOneIsTaken() {
        String taken = create("Existing", null, null).couponCode().value();
        var replaysTheTakenCodeFirst = new RandomGenerator() {
            int calls;

            @Override
            public long nextLong() {
                return calls++;
            }

            @Override
            public int nextInt(int bound) {
                int call = calls++;
                return call < CouponCode.LENGTH ? CouponCode.ALPHABET.indexOf(taken.charAt(call)) : call % bound;
            }
        };
        Licence draft = new Licence(
                null,
                org.id(),
                null,
                monthly.id(),
                monthly.term(),
                monthly.unitPrice(),
                "Second",
                null,
                1,
                LicenceState.unused(null),
                clock.instant(),
                0,
                1);

        long id = new NewLicences(repository, replaysTheTakenCodeFirst).save(draft);

        String drawn = licences.details(org.manager(), id).couponCode().value();
        assertThat(drawn).isNotEqualTo(taken).matches("[A-Z0-9]{8}");
        assertThat(replaysTheTakenCodeFirst.calls).isEqualTo(2 * CouponCode.LENGTH);
        assertThat(names(LicenceFilter.none())).containsExactly("Second", "Existing");
    }

    private static List<Long> ids(LicenceListing listing) {
        return listing.rows().stream().map(LicenceRow::id).toList();
    }
}
