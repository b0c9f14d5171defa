package io.licencedesk.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    @Autowired
    NamedParameterJdbcTemplate batch;

    TestOrganisation org;
    Plan plan;
    final Random random = new Random();
    /** The text a search reads of each licence: its own, and its client's. */
    final Map<Long, String> textOfLicence = new HashMap<>();

    final Map<Long, String> clientText = new HashMap<>();
    final List<Long> matchingClients = new ArrayList<>();

    /** Licences queued by {@link #licence}, written by {@link #insertLicences}: their coupon codes, names, clients. */
    final List<SqlParameterSource> pendingLicences = new ArrayList<>();

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Written directly: creating 1,080 clients through the accounts module would hash 1,080 passwords. In one
        // batch, their ids read back in one query: an insert and a look-up per row, for the clients and the licences,
        // were 5,060 statements before each test, on H2 and on PostgreSQL (decision 0166).
        List<SqlParameterSource> clients = new ArrayList<>();
        for (int i = 0; i < MATCHING_CLIENTS + 30; i++) {
            boolean matching = i < MATCHING_CLIENTS;
            clients.add(new MapSqlParameterSource()
                    .addValue("organisation", org.id())
                    .addValue("email", "many" + i + "-" + tag + "@example.test")
                    .addValue("name", (matching ? "Wq Kowal " : "Nobody ") + i)
                    .addValue("now", Timestamp.from(clock.instant())));
        }
        batch.batchUpdate("""
                insert into app_user (organisation_id, email, role, name, enabled, created_at)
                values (:organisation, :email, 'CLIENT', :name, true, :now)
                """, clients.toArray(SqlParameterSource[]::new));
        Map<String, Long> idOfEmail = jdbc
                .sql("select id, email from app_user where organisation_id = :organisation")
                .param("organisation", org.id())
                .query((row, number) -> Map.entry(row.getString("email"), row.getLong("id")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (int i = 0; i < clients.size(); i++) {
            String name = (String) clients.get(i).getValue("name");
            String email = (String) clients.get(i).getValue("email");
            long id = idOfEmail.get(email);
            clientText.put(id, (name + " " + email).toLowerCase(Locale.ROOT));
            if (i < MATCHING_CLIENTS) {
                matchingClients.add(id);
            }
        }
    }

    /** A licence to write with the next {@link #insertLicences}. */
    void licence(String name, Long clientId) {
        pendingLicences.add(new MapSqlParameterSource()
                .addValue("organisation", org.id())
                .addValue("code", CouponCode.random(random).value())
                .addValue("plan", plan.id())
                .addValue("term", plan.term().toString())
                .addValue("price", plan.unitPrice().minorUnits())
                .addValue("name", name)
                .addValue("client", clientId, Types.BIGINT)
                .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Writes the licences queued since the last call, in the order queued, in one batch; reads their ids back. */
    void insertLicences() {
        batch.batchUpdate("""
                insert into licence (organisation_id, coupon_code, plan_id, term, unit_price_minor, name,
                                     quantity, client_id, created_at)
                values (:organisation, :code, :plan, :term, :price, :name, 1, :client, :now)
                """, pendingLicences.toArray(SqlParameterSource[]::new));
        Map<String, Long> idOfCode = jdbc
                .sql("select id, coupon_code from licence where organisation_id = :organisation")
                .param("organisation", org.id())
                .query((row, number) -> Map.entry(row.getString("coupon_code"), row.getLong("id")))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (SqlParameterSource licence : pendingLicences) {
            String code = (String) licence.getValue("code");
            Long clientId = (Long) licence.getValue("client");
            String own = (code + " " + licence.getValue("name")).toLowerCase(Locale.ROOT);
            textOfLicence.put(idOfCode.get(code), clientId == null ? own : own + "\n" + clientText.get(clientId));
        }
        pendingLicences.clear();
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
        insertLicences();
        assertWalksExactly(term, expected(term));

        // above it: 500 more licences of matching clients
        for (int i = 0; i < 500; i++) {
            licence("Counter " + i, matchingClients.get(i * 2));
        }
        insertLicences();
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
