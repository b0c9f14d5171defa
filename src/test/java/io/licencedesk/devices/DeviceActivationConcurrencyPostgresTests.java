package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.OnPostgres;
import io.licencedesk.support.TestFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 50 devices activating at the same moment on a 10-seat licence, over real HTTP on a real PostgreSQL:
 * exactly 10 get a seat, whether they share one credential or use ten. The organisation's first answers
 * are signed in that same rush, so its signing key is created by racing requests: they must agree on one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@OnPostgres
class DeviceActivationConcurrencyPostgresTests {

    static final int DEVICES = 50;
    static final int SEATS = 10;

    @LocalServerPort
    int port;

    @Autowired
    TestFixture fixture;

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation org;
    long licenceId;
    Set<String> keyIds = ConcurrentHashMap.newKeySet();
    HttpClient http;
    ExecutorService httpThreads;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        Plan plan = fixture.monthlyPlan(org);
        licenceId = licences.create(
                        org.manager(),
                        new NewLicence(
                                plan.id(), "Wall", null, SEATS, org.alice().userId()))
                .id();
        httpThreads = Executors.newFixedThreadPool(8);
        http = HttpClient.newBuilder().executor(httpThreads).build();
        threads = Executors.newFixedThreadPool(DEVICES);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        httpThreads.shutdownNow();
    }

    @Test
    void fiftyDevicesSharingOneCredentialTakeExactlyTenSeats() throws Exception {
        String credential = screens.register(org.alice(), licenceId, "Shared").credential();

        List<Integer> statuses = activateAtOnce(device -> credential);

        assertExactlyTenSeats(statuses);
    }

    @Test
    void fiftyDevicesOverTenCredentialsTakeExactlyTenSeats() throws Exception {
        List<String> credentials = new ArrayList<>();
        for (int i = 1; i <= SEATS; i++) {
            credentials.add(
                    screens.register(org.alice(), licenceId, "Screen " + i).credential());
        }

        List<Integer> statuses = activateAtOnce(device -> credentials.get(device % SEATS));

        assertExactlyTenSeats(statuses);
    }

    private List<Integer> activateAtOnce(IntFunction<String> credentialOf) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int device = 0; device < DEVICES; device++) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/device/activate"))
                    .header("Authorization", "Bearer " + credentialOf.apply(device))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"device-" + device + "\"}"))
                    .build();
            results.add(threads.submit(() -> {
                start.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var result : results) {
            var response = result.get();
            if (response.statusCode() == 200) {
                assertThat(response.body()).contains("\"valid\":true").contains("\"screenId\":");
                keyIds.add(
                        response.headers().firstValue("Device-Signature-Key-Id").orElseThrow());
            }
            statuses.add(response.statusCode());
        }
        return statuses;
    }

    private void assertExactlyTenSeats(List<Integer> statuses) {
        assertThat(statuses).as("statuses").containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(SEATS);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(DEVICES - SEATS);
        long seats = jdbc.sql("""
                        select count(*) from screen
                        where licence_id = :id and removed_at is null and fingerprint is not null
                        """).param("id", licenceId).query(Long.class).single();
        long rows = jdbc.sql("select count(*) from screen where licence_id = :id")
                .param("id", licenceId)
                .query(Long.class)
                .single();
        assertThat(seats).isEqualTo(SEATS);
        assertThat(rows).isEqualTo(SEATS);
        assertThat(licences.details(org.manager(), licenceId).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(keyIds).hasSize(1);
        assertThat(jdbc.sql("select key_id from device_signing_key where organisation_id = :id")
                        .param("id", org.id())
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(keyIds);
    }
}
