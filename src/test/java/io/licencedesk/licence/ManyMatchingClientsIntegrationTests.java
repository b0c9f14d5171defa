package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A term that more than a thousand clients match: the list then looks up each licence's client and counts through
 * the clients' licences first (LicenceQueries). Every page, walked forwards and backwards, and the count must still
 * be exactly what the term matches, below the count's cap and above it.
 */
@IntegrationTest
class ManyMatchingClientsIntegrationTests {

    static final int MATCHING_CLIENTS = 1_050;

    /** The application's clock: a test's "now" is the application's (decision 0147). */
    @Autowired
    Clock clock;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    Plan plan;
    final Random random = new Random();
    /** The text a search reads of each licence: its own, and its client's. */
    final Map<Long, String> textOfLicence = new HashMap<>();

    final Map<Long, String> clientText = new HashMap<>();
    final List<Long> matchingClients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < MATCHING_CLIENTS + 30; i++) {
            boolean matching = i < MATCHING_CLIENTS;
            String name = (matching ? "Wq Kowal " : "Nobody ") + i;
            String email = "many" + i + "-" + tag + "@example.test";
            // written directly: creating 1,080 clients through the accounts module would hash 1,080 passwords
            jdbc.sql("""
                            insert into app_user (organisation_id, email, role, name, enabled, created_at)
                            values (:organisation, :email, 'CLIENT', :name, true, :now)
                            """)
                    .param("organisation", org.id())
                    .param("email", email)
                    .param("name", name)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            long id = idOf(email);
            clientText.put(id, (name + " " + email).toLowerCase(Locale.ROOT));
            if (matching) {
                matchingClients.add(id);
            }
        }
    }

    long idOf(String email) {
        return jdbc.sql("select id from app_user where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    void licence(String name, Long clientId) {
        String code = CouponCode.random(random).value();
        jdbc.sql("""
                        insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,
                                             quantity, client_id, created_at)
                        values (:organisation, :code, :plan, :term, :price, :name, 1, :client, :now)
                        """)
                .param("organisation", org.id())
                .param("code", code)
                .param("plan", plan.id())
                .param("term", plan.term().toString())
                .param("price", plan.unitPrice().minorUnits())
                .param("name", name)
                .param("client", clientId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("select id from licence where coupon_code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
        String own = (code + " " + name).toLowerCase(Locale.ROOT);
        textOfLicence.put(id, clientId == null ? own : own + "\n" + clientText.get(clientId));
    }

    List<Long> expected(String term) {
        return textOfLicence.entrySet().stream()
                .filter(licence -> licence.getValue().contains(term))
                .map(Map.Entry::getKey)
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kowal", "wq"})
    void listsAndCountsExactlyTheMatchesBelowAndAboveTheCap(String term) {
        // below the cap: 600 of the matching clients' licences, 50 matching by their own name, 300 others
        for (int i = 0; i < 600; i++) {
            licence("Screen " + i, matchingClients.get(i));
        }
        for (int i = 0; i < 50; i++) {
            licence("Kowal wq display " + i, null);
        }
        for (int i = 0; i < 300; i++) {
            licence("Lobby " + i, i % 2 == 0 ? null : idOfNonMatching(i));
        }
        assertWalksExactly(term, expected(term));

        // above it: 500 more licences of matching clients
        for (int i = 0; i < 500; i++) {
            licence("Counter " + i, matchingClients.get(i * 2));
        }
        List<Long> above = expected(term);
        assertThat(above).hasSizeGreaterThan(LicenceListing.COUNT_LIMIT);
        assertWalksExactly(term, above);

        // with another filter the term's clients are gathered as before: one client's licences
        long client = matchingClients.get(0);
        var ofOneClient = new LicenceFilter(client, false, false, term, LicenceSort.CREATED, false);
        assertThat(ids(licences.list(org.manager(), ofOneClient, LicencePageRequest.first(100))))
                .isEqualTo(above.stream()
                        .filter(id -> textOfLicence.get(id).endsWith(clientText.get(client)))
                        .toList());
    }

    long idOfNonMatching(int i) {
        return clientText.keySet().stream()
                .filter(id -> !matchingClients.contains(id))
                .sorted()
                .toList()
                .get(i % 30);
    }

    void assertWalksExactly(String term, List<Long> expected) {
        var filter = new LicenceFilter(null, false, false, term, LicenceSort.CREATED, false);
        var page = licences.list(org.manager(), filter, LicencePageRequest.first(100));
        assertThat(page.count()).isEqualTo(Math.min(expected.size(), LicenceListing.COUNT_LIMIT + 1));

        List<Long> forwards = new ArrayList<>(ids(page));
        while (page.hasNext()) {
            page = licences.list(org.manager(), filter, new LicencePageRequest(page.nextCursor(), null, false, 100));
            forwards.addAll(ids(page));
        }
        assertThat(forwards).isEqualTo(expected);

        List<Long> backwards = new ArrayList<>();
        page = licences.list(org.manager(), filter, new LicencePageRequest(null, null, true, 100));
        backwards.addAll(0, ids(page));
        while (page.hasPrevious()) {
            page = licences.list(
                    org.manager(), filter, new LicencePageRequest(null, page.previousCursor(), false, 100));
            backwards.addAll(0, ids(page));
        }
        assertThat(backwards).isEqualTo(expected);
    }

    static List<Long> ids(LicenceListing listing) {
        return listing.rows().stream().map(LicenceRow::id).toList();
    }
}
