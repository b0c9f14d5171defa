package io.licencedesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.accounts.UserLanguages;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.devices.TestScreens;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.Language;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The device API over HTTP: activation, check-in, keys and every refusal (H2 here, PostgreSQL in the subclass). */
@IntegrationTest
class DeviceApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestLicences testLicences;

    @Autowired
    TestScreens screenRows;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    TestOrganisation org;
    Plan plan;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        plan = fixture.monthlyPlan(org);
    }

    long licence(TestOrganisation owner, Plan onPlan, int quantity) {
        return licences.create(
                        owner.manager(),
                        new NewLicence(
                                onPlan.id(),
                                "Lobby",
                                null,
                                quantity,
                                owner.alice().userId()))
                .id();
    }

    long licence(int quantity) {
        return licence(org, plan, quantity);
    }

    String register(long licenceId, String name) {
        return screens.register(org.alice(), licenceId, name).credential();
    }

    /** A device's request; the answer is read whatever its status. */
    record Answer(int status, JsonNode body, String raw, String signature, String keyId, String contentType) {}

    Answer send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        return new Answer(
                response.getStatus(),
                raw.isEmpty() ? null : JSON.readTree(raw),
                raw,
                response.getHeader("Device-Signature"),
                response.getHeader("Device-Signature-Key-Id"),
                response.getContentType());
    }

    Answer call(String action, String credential, String body) throws Exception {
        var request = post("/api/v1/device/" + action)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        return send(request);
    }

    Answer activate(String credential, String fingerprint) throws Exception {
        return call(
                "activate",
                credential,
                "{\"fingerprint\":\"" + fingerprint + "\",\"nonce\":\"n-" + fingerprint + "\"}");
    }

    Answer checkIn(String credential, String fingerprint, String nonce) throws Exception {
        return call("check-in", credential, "{\"fingerprint\":\"" + fingerprint + "\",\"nonce\":\"" + nonce + "\"}");
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("https://licencedesk.io/problems/" + type);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("instance").asString("")).as(answer.raw()).startsWith("/api/v1/device/");
        assertThat(answer.signature()).isNull();
    }

    long liveSeats(long licenceId) {
        return screenRows.liveSeats(licenceId);
    }

    @Test
    void activatesIdempotentlyForTheSameDeviceAndActivatesTheLicence() throws Exception {
        long licenceId = licence(3);
        String credential = register(licenceId, "Entrance");
        assertThat(licences.details(org.manager(), licenceId).status()).isEqualTo(LifecycleStatus.ASSIGNED);

        Answer first = activate(credential, "device-a");
        Answer again = activate(credential, "device-a");

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("valid").asBoolean()).isTrue();
        assertThat(first.body().get("screenName").asString()).isEqualTo("Entrance");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("screenId").asLong())
                .isEqualTo(first.body().get("screenId").asLong());
        assertThat(liveSeats(licenceId)).isEqualTo(1);
        Screen screen = screens.screens(org.alice(), licenceId).get(0);
        assertThat(screen.activated()).isTrue();
        assertThat(screen.fingerprint()).isEqualTo("device-a");
        var details = licences.details(org.manager(), licenceId);
        assertThat(details.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(first.body().get("endsOn").asString())
                .isEqualTo(details.endsOn().toString())
                .isEqualTo(testLicences.today().plusMonths(1).toString());
    }

    @Test
    void anActivationIsTheScreensLastCheckInAtOnceWrittenWithItsSeat() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        Instant before = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);

        Answer activated = activate(credential, "device-a");

        assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
        long screenId = activated.body().get("screenId").asLong();
        // in the table at once, not waiting for the check-ins' batch: the portal shows it on any node
        Instant written = jdbc.sql("select last_check_in_at from screen where id = ?")
                .param(screenId)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(written).isBetween(before, Instant.now(clock));
        Screen shown = screens.screens(org.alice(), licenceId).get(0);
        assertThat(shown.lastCheckInAt()).isEqualTo(written).isEqualTo(shown.activatedAt());
        assertThat(shown.lastCheckInAt().getNano() % 1_000).isZero();
    }

    @Autowired
    UserLanguages userLanguages;

    /** The portal shows the seat's screen to its client: named in the language the client chose. */
    @Test
    void aSeatTakenByADeviceIsNamedInItsClientsLanguage() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrée");
        userLanguages.choose(org.alice(), Language.FR);

        Answer a = activate(credential, "device-a");
        Answer b = activate(credential, "device-b");

        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(b.body().get("screenName").asString()).isEqualTo("Écran 2");
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::name)
                .containsExactlyInAnyOrder("Entrée", "Écran 2");
    }

    @Autowired
    io.licencedesk.accounts.AccountManagement accounts;

    /** Decision 0172: a French organisation's client who chose no language saw "Screen 2" in the French portal. */
    @Test
    void aSeatTakenByADeviceIsNamedInTheOrganisationsLanguageWhenItsClientChoseNone() throws Exception {
        var now = io.licencedesk.accounts.OrganisationSettings.of(accounts.organisation(org.owner()));
        accounts.updateSettings(
                org.owner(),
                new io.licencedesk.accounts.OrganisationSettings(
                        now.name(),
                        now.legalName(),
                        now.address(),
                        now.currency(),
                        now.vatRate(),
                        now.invoicePrefix(),
                        now.paymentTermsDays(),
                        now.senderName(),
                        now.senderEmail(),
                        now.expiringSoonDays(),
                        Language.FR));
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrée");

        activate(credential, "device-a");
        Answer b = activate(credential, "device-b");

        assertThat(b.body().get("screenName").asString()).as(b.raw()).isEqualTo("Écran 2");
    }

    /**
     * The portal refuses two screens of one name on a licence (they could not be told apart); a seat a device takes
     * was named after the count of screens, which repeated a name once a screen was removed or one registered so.
     */
    @Test
    void aSeatTakenByADeviceIsNamedAfterNoOtherScreenOfItsLicence() throws Exception {
        long licenceId = licence(5);
        String credential = register(licenceId, "Entrance");
        register(licenceId, "screen 3");
        activate(credential, "device-a");
        Answer b = activate(credential, "device-b");
        assertThat(b.body().get("screenName").asString()).as(b.raw()).isEqualTo("Screen 4");
        Answer c = activate(credential, "device-c");
        assertThat(c.body().get("screenName").asString()).as(c.raw()).isEqualTo("Screen 5");
        screens.remove(org.alice(), licenceId, b.body().get("screenId").asLong());

        Answer d = activate(credential, "device-d");

        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        assertThat(d.body().get("screenName").asString()).isEqualTo("Screen 4");
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::name)
                .containsExactlyInAnyOrder("Entrance", "screen 3", "Screen 5", "Screen 4");
    }

    @Test
    void anotherDeviceTakesAFreeSeatUntilAllAreTaken() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");

        Answer a = activate(credential, "device-a");
        Answer b = activate(credential, "device-b");
        Answer bAgain = activate(credential, "device-b");
        Answer c = activate(credential, "device-c");

        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).as(b.raw()).isEqualTo(200);
        assertThat(b.body().get("screenName").asString()).isEqualTo("Screen 2");
        assertThat(b.body().get("screenId").asLong())
                .isNotEqualTo(a.body().get("screenId").asLong());
        assertThat(bAgain.body().get("screenId").asLong())
                .isEqualTo(b.body().get("screenId").asLong());
        assertProblem(c, 409, "seats-taken");
        assertThat(c.body().get("detail").asString())
                .isEqualTo("All 2 seats of this licence are taken. Remove a screen in the portal to free a seat,"
                        + " or ask the account manager for more screens.");
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::fingerprint)
                .containsExactly("device-a", "device-b");
        assertThat(checkIn(credential, "device-c", "n1").body().get("reason").asString())
                .isEqualTo("NOT_ACTIVATED");
        assertThat(checkIn(credential, "device-b", "n2").body().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void acceptsFieldsItDoesNotKnowSoThatPlayersCanBeNewerThanTheServer() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");

        Answer answer =
                call("activate", credential, "{\"fingerprint\":\"device-a\",\"nonce\":\"n\",\"firmware\":\"2.1\"}");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDeviceWithASeatKeepsItWhicheverCredentialItUses() throws Exception {
        long licenceId = licence(2);
        String entrance = register(licenceId, "Entrance");
        String window = register(licenceId, "Window");

        activate(entrance, "device-a");
        Answer viaWindow = activate(window, "device-a");

        assertThat(viaWindow.status()).isEqualTo(200);
        assertThat(viaWindow.body().get("screenName").asString()).isEqualTo("Entrance");
        assertThat(activate(window, "device-b").body().get("screenName").asString())
                .isEqualTo("Window");
        assertThat(liveSeats(licenceId)).isEqualTo(2);
    }

    @Test
    void refusesAPausedLicenceWithAProblemAndAnswersPausedOnCheckIn() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        activate(credential, "device-a");
        licences.pause(org.manager(), licenceId);

        assertProblem(activate(credential, "device-b"), 409, "licence-paused");
        Answer checkIn = checkIn(credential, "device-a", "nonce-1");

        assertThat(checkIn.status()).isEqualTo(200);
        assertThat(checkIn.body().get("valid").asBoolean()).isFalse();
        assertThat(checkIn.body().get("reason").asString()).isEqualTo("PAUSED");
        assertThat(liveSeats(licenceId)).isEqualTo(1);
    }

    @Test
    void refusesAnExpiredLicenceWithAProblemAndAnswersExpiredOnCheckIn() throws Exception {
        long expired = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Old",
                testLicences.today().minusYears(1));
        String credential = TestScreens.newCredential();
        Screen screen = screenRows.insert(org.id(), expired, "Old screen", credential);

        assertProblem(activate(credential, "device-a"), 409, "licence-expired");
        Answer checkIn = checkIn(credential, "device-a", "nonce-1");

        assertThat(checkIn.body().get("valid").asBoolean()).isFalse();
        assertThat(checkIn.body().get("reason").asString()).isEqualTo("EXPIRED");
        assertThat(screenRows.findLive(expired, screen.id()).orElseThrow().activated())
                .isFalse();
    }

    @Test
    void answersDeactivatedWhenTheLicenceHasNoClientAnyMore() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        activate(credential, "device-a");
        jdbc.sql("update licence set client_id = null, activated_on = null, ends_on = null where id = :id")
                .param("id", licenceId)
                .update();

        assertThat(checkIn(credential, "device-a", "n").body().get("reason").asString())
                .isEqualTo("DEACTIVATED");
        assertProblem(activate(credential, "device-b"), 409, "licence-deactivated");
    }

    @Test
    void aRemovedScreenIsRevokedAndItsCredentialTakesNoSeat() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        long screenId = activate(credential, "device-a").body().get("screenId").asLong();

        screens.remove(org.alice(), licenceId, screenId);
        Answer checkIn = checkIn(credential, "device-a", "nonce-1");

        assertThat(checkIn.status()).isEqualTo(200);
        assertThat(checkIn.body().get("valid").asBoolean()).isFalse();
        assertThat(checkIn.body().get("reason").asString()).isEqualTo("SEAT_REVOKED");
        assertThat(checkIn.body().has("screenId")).isFalse();
        assertProblem(activate(credential, "device-a"), 403, "credential-revoked");
        assertProblem(activate(credential, "device-b"), 403, "credential-revoked");
        assertThat(liveSeats(licenceId)).isZero();
    }

    @Test
    void aRemovedScreenIsRevokedEvenWhileItsLicenceIsPaused() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        long screenId = activate(credential, "device-a").body().get("screenId").asLong();
        licences.pause(org.manager(), licenceId);

        screens.remove(org.alice(), licenceId, screenId);

        assertThat(checkIn(credential, "device-a", "nonce-1")
                        .body()
                        .get("reason")
                        .asString())
                .isEqualTo("SEAT_REVOKED");
        assertProblem(activate(credential, "device-a"), 403, "credential-revoked");
    }

    @Test
    void removingAScreenRevokesItsCredentialForTheSeatsOtherDevicesTookWithIt() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        long entrance = activate(credential, "device-a").body().get("screenId").asLong();
        activate(credential, "device-b");
        assertThat(checkIn(credential, "device-b", "nonce-1")
                        .body()
                        .get("valid")
                        .asBoolean())
                .isTrue();

        screens.remove(org.alice(), licenceId, entrance);
        Answer checkIn = checkIn(credential, "device-b", "nonce-2");

        assertThat(checkIn.status()).isEqualTo(200);
        assertThat(checkIn.body().get("valid").asBoolean()).isFalse();
        assertThat(checkIn.body().get("reason").asString()).isEqualTo("SEAT_REVOKED");
    }

    @Test
    void aDeviceWhoseSeatWasRemovedDoesNotTakeItBackByActivatingAgain() throws Exception {
        long licenceId = licence(3);
        String entrance = register(licenceId, "Entrance");
        activate(entrance, "device-a");
        long unwanted = activate(entrance, "device-b").body().get("screenId").asLong();

        screens.remove(org.alice(), licenceId, unwanted);
        Answer again = activate(entrance, "device-b"); // a player activates at every start

        assertProblem(again, 403, "credential-revoked");
        assertThat(again.body().get("detail").asString()).contains("Register a screen");
        assertThat(checkIn(entrance, "device-b", "n-3").body().get("reason").asString())
                .isEqualTo("SEAT_REVOKED");
        assertThat(liveSeats(licenceId)).isEqualTo(1);
        // the way back the guide gives: a newly registered screen's credential, entered on purpose
        Answer viaNewScreen = activate(register(licenceId, "Window"), "device-b");
        assertThat(viaNewScreen.status()).as(viaNewScreen.raw()).isEqualTo(200);
        assertThat(viaNewScreen.body().get("screenName").asString()).isEqualTo("Window");
    }

    @Test
    void refusesMissingAndUnknownCredentialsWith401() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        String body = "{\"fingerprint\":\"device-a\",\"nonce\":\"n\"}";
        String unknown = TestScreens.newCredential();

        for (String action : List.of("activate", "check-in")) {
            for (String authorization :
                    new String[] {null, "", "Bearer", "Bearer " + unknown, "Basic " + credential, "Bearer lds_short"}) {
                var request = post("/api/v1/device/" + action)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body);
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                MockHttpServletResponse response =
                        mvc.perform(request).andReturn().getResponse();
                assertThat(response.getStatus())
                        .as(action + " " + authorization)
                        .isEqualTo(401);
                assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
                assertThat(JSON.readTree(response.getContentAsString())
                                .get("type")
                                .asString())
                        .isEqualTo("https://licencedesk.io/problems/unknown-credential");
            }
        }
        assertProblem(
                send(get("/api/v1/device/key").header("Authorization", "Bearer " + unknown)),
                401,
                "unknown-credential");
        assertProblem(send(get("/api/v1/device/key")), 401, "unknown-credential");
        assertThat(screens.screens(org.alice(), licenceId).get(0).activated()).isFalse();
    }

    /**
     * Each refusal of an activation says what to do next, beside its type (decision 0176): a player shows the detail to
     * the person installing it. A credential that was sent but is no screen's (mistyped, or its licence deleted before
     * any device used it) was answered "Send the screen's device credential as Authorization: Bearer lds_…", although it
     * had been sent; a paused, expired or unassigned licence and a full one were only stated ("This licence is paused.",
     * "All 1 seats … are taken.").
     */
    @Test
    void everyRefusalOfAnActivationSaysWhatToDoNext() throws Exception {
        long deleted = licence(1);
        String ofADeletedLicence = register(deleted, "Entrance");
        licences.delete(org.manager(), deleted);
        Answer unknown = activate(ofADeletedLicence, "device-a");
        assertProblem(unknown, 401, "unknown-credential");
        assertThat(unknown.body().get("detail").asString())
                .isEqualTo("No screen has this device credential. Check that it was entered whole (lds_ followed by"
                        + " 43 characters); if it was, its screen or its licence is gone: register a screen in the"
                        + " portal and enter its new credential.");
        Answer none = call("activate", null, "{\"fingerprint\":\"device-a\"}");
        assertThat(none.body().get("detail").asString())
                .isEqualTo("Send the screen's device credential as Authorization: Bearer lds_….");

        long full = licence(1);
        String credential = register(full, "Entrance");
        activate(credential, "device-a");
        assertThat(activate(credential, "device-b").body().get("detail").asString())
                .isEqualTo("The only seat of this licence is taken. Remove a screen in the portal to free a seat, or"
                        + " ask the account manager for more screens.");

        licences.pause(org.manager(), full);
        assertThat(activate(credential, "device-b").body().get("detail").asString())
                .isEqualTo("This licence is paused by its account manager. Activate again once they have resumed it.");
        // paused by the renewal cycle for an overdue invoice (decision 0048): the client's payment resumes it, and the
        // screen is told so, as its check-in's PAUSED_OVERDUE tells it
        jdbc.sql("update licence set pause_reason = 'OVERDUE' where id = :id")
                .param("id", full)
                .update();
        Answer overdue = activate(credential, "device-b");
        assertProblem(overdue, 409, "licence-paused");
        assertThat(overdue.body().get("detail").asString())
                .isEqualTo("This licence is paused because its renewal invoice is overdue. Activate again once it"
                        + " resumes: when that invoice is paid or voided, or when the account manager resumes it.");
        assertThat(checkIn(credential, "device-a", "nonce-overdue")
                        .body()
                        .get("reason")
                        .asString())
                .isEqualTo("PAUSED_OVERDUE");
        licences.resume(org.manager(), full);

        jdbc.sql("update licence set client_id = null, activated_on = null, ends_on = null where id = :id")
                .param("id", full)
                .update();
        assertThat(activate(credential, "device-b").body().get("detail").asString())
                .isEqualTo("This licence is no longer assigned to a client. Activate again once its account manager"
                        + " has assigned it, or use the credential of a screen of another licence.");

        long expired = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Old",
                testLicences.today().minusYears(1));
        String old = TestScreens.newCredential();
        screenRows.insert(org.id(), expired, "Old screen", old);
        assertThat(activate(old, "device-c").body().get("detail").asString())
                .startsWith("This licence ended on ")
                .endsWith(". Activate again once the client has renewed it with their account manager.");
    }

    /**
     * A refused field is said in a sentence naming it, as the REST API's are: the device API said "nonce is
     * required" and "fingerprint must have 1 to 200 characters".
     */
    @Test
    void saysWhichFieldIsRefusedInASentence() throws Exception {
        String credential = register(licence(1), "Entrance");
        Answer missing = call("check-in", credential, "{\"fingerprint\":\"device-a\"}");
        assertProblem(missing, 400, "bad-request");
        assertThat(missing.body().get("detail").asString()).isEqualTo("The field nonce is required.");
        assertThat(missing.body().get("field").asString()).isEqualTo("nonce");
        Answer tooLong = call("activate", credential, "{\"fingerprint\":\"" + "f".repeat(201) + "\"}");
        assertProblem(tooLong, 400, "bad-request");
        assertThat(tooLong.body().get("detail").asString())
                .isEqualTo("The field fingerprint must have 1 to 200 characters.");
        Answer blank = call("activate", credential, "{\"fingerprint\":\"   \",\"nonce\":\"n\"}");
        assertProblem(blank, 400, "bad-request");
        assertThat(blank.body().get("detail").asString()).isEqualTo("The field fingerprint is required.");
        assertThat(call("check-in", credential, "{\"fingerprint\":\"device-a\",\"nonce\":\" \"}")
                        .body()
                        .get("detail")
                        .asString())
                .isEqualTo("The field nonce is required.");
        Answer control = call("activate", credential, "{\"fingerprint\":\"a\\u0007b\"}");
        assertThat(control.body().get("detail").asString())
                .isEqualTo("The field fingerprint must not contain control characters.");
    }

    /**
     * Half of a surrogate pair is no character: PostgreSQL stored it as "?", so that the devices "dev-\uD800" and
     * "dev-?" held one seat. It is refused as the other texts refuse it (ControlCharacters); a whole pair is taken.
     */
    @Test
    void refusesHalfASurrogatePairAndTakesAWholeOne() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        for (String action : List.of("activate", "check-in")) {
            for (String body : List.of(
                    "{\"fingerprint\":\"dev-\\ud800\",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"dev-\\udc00x\",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"dev-a\",\"nonce\":\"n-\\ud800\"}")) {
                Answer refused = call(action, credential, body);
                assertProblem(refused, 400, "bad-request");
                assertThat(refused.body().get("detail").asString()).endsWith("must not contain control characters.");
            }
        }
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::activated)
                .containsExactly(false);

        Answer whole = call("activate", credential, "{\"fingerprint\":\"dev-\\ud83d\\udcfa\",\"nonce\":\"n-\u00e9\"}");

        assertThat(whole.status()).as(whole.raw()).isEqualTo(200);
        assertThat(whole.body().get("fingerprint").asString()).isEqualTo("dev-\uD83D\uDCFA");
        assertThat(screens.screens(org.alice(), licenceId).get(0).fingerprint()).isEqualTo("dev-\uD83D\uDCFA");
    }

    /**
     * A field of the wrong type is named (decision 0176): {"fingerprint": 12} was answered "The body must be a JSON
     * object with a fingerprint (and a nonce for check-in).", without a field, although it is one.
     */
    @Test
    void namesAFieldOfTheWrongType() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        for (String action : List.of("activate", "check-in")) {
            Answer number = call(action, credential, "{\"fingerprint\":12,\"nonce\":\"n\"}");
            assertProblem(number, 400, "bad-request");
            assertThat(number.body().path("field").asString("")).isEqualTo("fingerprint");
            assertThat(number.body().get("detail").asString())
                    .isEqualTo("The field fingerprint must be text in double quotes (values are never converted).");

            Answer list = call(action, credential, "{\"fingerprint\":\"device-a\",\"nonce\":[\"n\"]}");
            assertProblem(list, 400, "bad-request");
            assertThat(list.body().path("field").asString("")).isEqualTo("nonce");
        }
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::activated)
                .containsExactly(false);
    }

    /** Bodies are JSON (docs/device-api.md): a YAML body took a seat, and the 415 offered YAML in its Accept. */
    @Test
    void takesOnlyJsonBodiesAsDocumented() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        for (String action : List.of("activate", "check-in")) {
            var yaml = post("/api/v1/device/" + action)
                    .header("Authorization", "Bearer " + credential)
                    .contentType("application/yaml")
                    .content("fingerprint: device-a\nnonce: n\n");
            MockHttpServletResponse response = mvc.perform(yaml).andReturn().getResponse();

            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(415);
            assertThat(response.getContentAsString())
                    .contains("https://licencedesk.io/problems/unsupported-media-type");
            assertThat(response.getHeader("Accept")).isEqualTo("application/json");
        }
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::activated)
                .containsExactly(false);
        var json = post("/api/v1/device/activate")
                .header("Authorization", "Bearer " + credential)
                .contentType("application/json;charset=UTF-8")
                .content("{\"fingerprint\":\"device-a\",\"nonce\":\"n\"}");
        assertThat(send(json).status()).isEqualTo(200);
    }

    @Test
    void refusesGarbageBodiesWith4xxProblemsAndChangesNothing() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        String longFingerprint = "f".repeat(10_000);

        for (String action : List.of("activate", "check-in")) {
            for (String body : List.of(
                    "{}",
                    "{\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"" + longFingerprint + "\",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"\",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"   \",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"a\\u0000b\",\"nonce\":\"n\"}",
                    "{\"fingerprint\":\"device-a\",\"nonce\":\"" + "n".repeat(201) + "\"}",
                    "{\"fingerprint\": ",
                    "not json at all",
                    "[]",
                    "\"device-a\"",
                    "{\"fingerprint\":{\"a\":1},\"nonce\":\"n\"}",
                    "")) {
                assertProblem(call(action, credential, body), 400, "bad-request");
            }
            var wrongType = post("/api/v1/device/" + action)
                    .header("Authorization", "Bearer " + credential)
                    .contentType(MediaType.TEXT_PLAIN)
                    .content("fingerprint=device-a");
            assertProblem(send(wrongType), 415, "unsupported-media-type");
            var form = post("/api/v1/device/" + action)
                    .header("Authorization", "Bearer " + credential)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("fingerprint", "device-a");
            assertProblem(send(form), 415, "unsupported-media-type");
            for (String wildcard : List.of("*/*", "application/*", "*/json", "application/json+*")) {
                var wildcardType = post("/api/v1/device/" + action)
                        .header("Authorization", "Bearer " + credential)
                        .header("Content-Type", wildcard)
                        .content("{\"fingerprint\":\"device-a\",\"nonce\":\"n\"}");
                assertProblem(send(wildcardType), 415, "unsupported-media-type");
            }
        }
        assertProblem(call("check-in", credential, "{\"fingerprint\":\"device-a\"}"), 400, "bad-request");
        assertThat(screens.screens(org.alice(), licenceId))
                .singleElement()
                .satisfies(screen -> assertThat(screen.activated()).isFalse());
        assertThat(licences.details(org.manager(), licenceId).status()).isEqualTo(LifecycleStatus.ASSIGNED);
    }

    @Test
    void tellsBrowsersNotToSniffAnyDeviceAnswer() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        for (var request : List.of(
                get("/api/v1/device/time"),
                post("/api/v1/device/check-in")
                        .header("Authorization", "Bearer " + credential)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"device-a\",\"nonce\":\"n\"}"),
                post("/api/v1/device/check-in")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))) {
            assertThat(mvc.perform(request).andReturn().getResponse().getHeader("X-Content-Type-Options"))
                    .isEqualTo("nosniff");
        }
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        String huge = "{\"fingerprint\":\"" + "f".repeat(ApiRequestFilters.MAX_BODY_BYTES) + "\",\"nonce\":\"n\"}";

        for (String action : List.of("activate", "check-in")) {
            assertProblem(call(action, credential, huge), 413, "body-too-large");
            assertProblem(call(action, null, huge), 413, "body-too-large");
        }
        assertThat(screens.screens(org.alice(), licenceId).get(0).activated()).isFalse();
    }

    @Test
    void answersWrongMethodsAndPathsWith4xxProblemsAndKeepsBootsProblemHandler() throws Exception {
        Answer wrongMethod = send(get("/api/v1/device/check-in"));
        Answer noSuchPath = send(post("/api/v1/device/nothing-here")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.contentType()).startsWith("application/problem+json");
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class))
                .as("Boot's application-wide problem details handler")
                .isNotEmpty();
    }

    @Test
    void aCredentialNeverTouchesAnotherLicenceOrOrganisation() throws Exception {
        TestOrganisation other = organisations.create();
        Plan otherPlan = fixture.monthlyPlan(other);
        long otherLicence = licence(other, otherPlan, 2);
        String otherCredential =
                screens.register(other.alice(), otherLicence, "Theirs").credential();
        long mine = licence(2);
        long mySecond = licence(2);
        String credential = register(mine, "Mine");
        String secondCredential = register(mySecond, "Second");

        Answer activation = activate(credential, "device-a");
        Answer theirs = checkIn(otherCredential, "device-a", "n1");
        Answer second = checkIn(secondCredential, "device-a", "n2");

        assertThat(activation.status()).isEqualTo(200);
        assertThat(theirs.body().get("reason").asString()).isEqualTo("NOT_ACTIVATED");
        assertThat(second.body().get("reason").asString()).isEqualTo("NOT_ACTIVATED");
        assertThat(theirs.keyId()).isNotEqualTo(activation.keyId());
        assertThat(second.keyId()).isEqualTo(activation.keyId());
        assertThat(theirs.body().get("licence").asString())
                .isNotEqualTo(activation.body().get("licence").asString());
        assertThat(screens.screens(other.alice(), otherLicence))
                .singleElement()
                .satisfies(screen -> assertThat(screen.activated()).isFalse());
        assertThat(screens.screens(org.alice(), mySecond))
                .singleElement()
                .satisfies(screen -> assertThat(screen.activated()).isFalse());
        assertThat(licences.details(other.manager(), otherLicence).status()).isEqualTo(LifecycleStatus.ASSIGNED);
    }

    @Test
    void signsTheAnswerWithThePublishedKeyAndEchoesTheNonce() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        activate(credential, "device-a");
        Instant before = Instant.now(clock).minusSeconds(1);

        Answer answer = checkIn(credential, "device-a", "nonce-7f3a");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("valid").asBoolean()).isTrue();
        assertThat(answer.body().has("reason")).isFalse();
        assertThat(answer.body().get("nonce").asString()).isEqualTo("nonce-7f3a");
        assertThat(answer.body().get("fingerprint").asString()).isEqualTo("device-a");
        assertThat(answer.body().get("keyId").asString()).isEqualTo(answer.keyId());
        assertThat(answer.body().get("licence").asString())
                .isEqualTo(
                        licences.details(org.manager(), licenceId).couponCode().value());
        assertThat(Instant.parse(answer.body().get("serverTime").asString()))
                .isBetween(before, Instant.now(clock).plusSeconds(1));

        Answer key = send(get("/api/v1/device/keys/{keyId}", answer.keyId()));
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body().get("algorithm").asString()).isEqualTo("Ed25519");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(key.body().get("publicKey").asString())));
        byte[] body = answer.raw().getBytes(StandardCharsets.UTF_8);
        assertThat(verifies(publicKey, body, answer.signature())).isTrue();

        byte[] modified =
                answer.raw().replace("\"valid\":true", "\"valid\":false").getBytes(StandardCharsets.UTF_8);
        assertThat(modified).isNotEqualTo(body);
        assertThat(verifies(publicKey, modified, answer.signature())).isFalse();
        byte[] flipped = Arrays.copyOf(body, body.length);
        flipped[flipped.length / 2] ^= 1;
        assertThat(verifies(publicKey, flipped, answer.signature())).isFalse();

        Answer authenticatedKey = send(get("/api/v1/device/key").header("Authorization", "Bearer " + credential));
        assertThat(authenticatedKey.body().get("publicKey").asString())
                .isEqualTo(key.body().get("publicKey").asString());
        assertThat(authenticatedKey.body().get("keyId").asString()).isEqualTo(answer.keyId());
    }

    @Test
    void aFreshNonceGivesAFreshSignature() throws Exception {
        long licenceId = licence(1);
        String credential = register(licenceId, "Entrance");
        activate(credential, "device-a");

        Answer one = checkIn(credential, "device-a", "first");
        Answer two = checkIn(credential, "device-a", "second");

        assertThat(one.body().get("nonce").asString()).isEqualTo("first");
        assertThat(two.body().get("nonce").asString()).isEqualTo("second");
        assertThat(one.signature()).isNotEqualTo(two.signature());
    }

    @Test
    void servesKeysPubliclyAndRefusesUnknownOnes() throws Exception {
        assertProblem(send(get("/api/v1/device/keys/{keyId}", "no-such-key")), 404, "unknown-key");
        Answer time = send(get("/api/v1/device/time"));
        assertThat(time.status()).isEqualTo(200);
        assertThat(Instant.parse(time.body().get("serverTime").asString())).isNotNull();
    }

    @Test
    void recordsTheLastCheckInOfTheDevicesSeat() throws Exception {
        long licenceId = licence(2);
        String credential = register(licenceId, "Entrance");
        activate(credential, "device-a");
        long seat = activate(credential, "device-b").body().get("screenId").asLong();
        // an activation is the first check-in
        assertThat(screens.screens(org.alice(), licenceId))
                .allSatisfy(screen -> assertThat(screen.lastCheckInAt()).isEqualTo(screen.activatedAt()));

        checkIn(credential, "device-b", "n1");

        assertThat(screens.screens(org.alice(), licenceId))
                .filteredOn(screen -> screen.lastCheckInAt().isAfter(screen.activatedAt()))
                .extracting(Screen::id)
                .containsExactly(seat);
        screenRows.flushCheckIns();
        Instant stored = jdbc.sql("select last_check_in_at from screen where id = :id")
                .param("id", seat)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(screens.screens(org.manager(), licenceId))
                .filteredOn(screen -> screen.id() == seat)
                .singleElement()
                .satisfies(screen -> assertThat(screen.lastCheckInAt()).isEqualTo(stored));
    }

    static boolean verifies(PublicKey key, byte[] body, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
