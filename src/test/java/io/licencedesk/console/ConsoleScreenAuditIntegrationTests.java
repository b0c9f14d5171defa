package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.audit.AuditEntry;
import io.licencedesk.audit.AuditFilter;
import io.licencedesk.audit.AuditLog;
import io.licencedesk.audit.AuditPageRequest;
import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.audit.AuditSubject;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A licence's screens in the audit log, as an account manager auditing the licence reads it: who registered, renamed
 * and removed each screen in the portal, which a device took through the device API, and those that went with the
 * licence when it was deleted; on the log's page in English and French, the licence's history, the CSV file and the
 * REST API's history. None of it was recorded before.
 */
@IntegrationTest
class ConsoleScreenAuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixture fixture;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    AuditLog log;

    TestOrganisation org;
    Plan monthly;
    RequestPostProcessor manager;
    RequestPostProcessor alice;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        monthly = fixture.monthlyPlan(org);
        manager = fixture.signedIn(org.manager());
        alice = fixture.signedIn(org.alice());
    }

    LicenceDetails licence(String name, int screens) {
        return licences.create(
                org.manager(),
                new NewLicence(monthly.id(), name, null, screens, org.alice().userId()));
    }

    /** The licence's entries about screens, oldest first. */
    List<AuditEntry> screenEntries(LicenceDetails licence) {
        List<AuditEntry> entries = new ArrayList<>(log
                .page(
                        org.manager(),
                        new AuditFilter(
                                null,
                                AuditSubject.LICENCE,
                                null,
                                null,
                                null,
                                licence.couponCode().toString()),
                        AuditPageRequest.first(50))
                .entries()
                .stream()
                .filter(entry -> entry.action().startsWith("SCREEN_"))
                .toList());
        Collections.reverse(entries);
        return entries;
    }

    long screenId(LicenceDetails licence, String name) {
        return screens.screens(org.alice(), licence.id()).stream()
                .filter(screen -> screen.name().equals(name))
                .map(Screen::id)
                .findFirst()
                .orElseThrow();
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(manager))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    void activate(String credential, String device) throws Exception {
        mvc.perform(post("/api/v1/device/activate")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\": \"" + device + "\", \"nonce\": \"n-" + device + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void recordsWhoRegisteredRenamedAndRemovedEachScreenAndWhichADeviceTook() throws Exception {
        LicenceDetails shop = licence("Shop", 3);
        mvc.perform(post("/portal/licences/{id}/screens", shop.id())
                        .param("name", "Lobby")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/portal/licences/{id}/screens/{screen}/rename", shop.id(), screenId(shop, "Lobby"))
                        .param("name", "Hall")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/portal/licences/{id}/screens", shop.id())
                        .param("name", "Bar")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/portal/licences/{id}/screens/{screen}/remove", shop.id(), screenId(shop, "Bar"))
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String credential = screens.register(org.alice(), shop.id(), "Window").credential();
        activate(credential, "player-1"); // the device takes the seat of "Window"
        activate(credential, "player-2"); // and another device a free seat: a new screen, "Screen 3"

        String email = org.alice().email();
        assertThat(screenEntries(shop))
                .extracting(
                        AuditEntry::action,
                        AuditEntry::actorEmail,
                        AuditEntry::byScreen,
                        entry -> entry.changes().stream()
                                .filter(change -> !change.internal())
                                .map(FieldChange::toString)
                                .toList())
                .containsExactly(
                        tuple("SCREEN_REGISTERED", email, false, List.of(change(null, "Lobby"))),
                        tuple("SCREEN_RENAMED", email, false, List.of(change("Lobby", "Hall"))),
                        tuple("SCREEN_REGISTERED", email, false, List.of(change(null, "Bar"))),
                        tuple("SCREEN_REMOVED", email, false, List.of(change("Bar", null))),
                        tuple("SCREEN_REGISTERED", email, false, List.of(change(null, "Window"))),
                        tuple("SCREEN_ACTIVATED", null, true, List.of(change(null, "Window"))),
                        tuple("SCREEN_REGISTERED", null, true, List.of(change(null, "Screen 3"))));
        assertThat(screenEntries(shop))
                .allSatisfy(entry -> assertThat(entry.subjectLabel()).isEqualTo("Shop (" + shop.couponCode() + ")"));

        String english = page(get("/audit").param("object", shop.couponCode().toString()));
        assertThat(english)
                .contains("Screen registered", "Screen renamed", "Screen removed", "Screen activated by a device")
                .contains("A screen (device API)")
                .doesNotContain(">SCREEN_")
                .doesNotContain("LicenceDesk (automatic)");
        String french =
                page(get("/audit").param("object", shop.couponCode().toString()).header("Accept-Language", "fr"));
        assertThat(french)
                .contains("Écran enregistré", "Écran renommé", "Écran retiré", "Écran activé par un appareil")
                .contains("Un écran (API des appareils)")
                .doesNotContain("LicenceDesk (automatique)");
        assertThat(page(get("/audit").param("what", "LICENCE.SCREEN_RENAMED")))
                .contains("Shop (" + shop.couponCode() + ")")
                .contains("Lobby", "Hall");

        assertThat(page(get("/licences/{id}", shop.id())))
                .as("the licence's history")
                .contains("Screen renamed", "Screen removed", "A screen (device API)", email)
                .doesNotContain("LicenceDesk (automatic)");

        String file =
                page(get("/audit/export.csv").param("object", shop.couponCode().toString()));
        var rows = ConsoleExportIntegrationTests.rows(file);
        assertThat(rows)
                .filteredOn(row -> row.get("action").startsWith("screen_"))
                .extracting(row -> row.get("who"), row -> row.get("action"), row -> row.get("changes"))
                .contains(
                        tuple(email, "screen_renamed", "screen: Lobby → Hall"),
                        tuple(email, "screen_removed", "screen: Bar →"),
                        tuple("", "screen_activated", "screen: → Window"));

        String history = mvc.perform(get("/api/v1/licences/{id}/history", shop.id())
                        .with(TestFixture.bearer(fixture.token(org.manager()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(history)
                .contains("\"action\":\"screen_renamed\"", "\"action\":\"screen_activated\"")
                .contains("\"field\":\"screen\",\"before\":\"Lobby\",\"after\":\"Hall\"");
    }

    /** A deleted licence takes the screens its client registered and no device took: each is recorded removed. */
    @Test
    void recordsTheScreensADeletedLicenceTookAsRemovedByWhoeverDeletedIt() throws Exception {
        LicenceDetails unused = licence("Unused", 2);
        screens.register(org.alice(), unused.id(), "Entrance");
        screens.register(org.alice(), unused.id(), "Window");

        mvc.perform(post("/licences/{id}/delete", unused.id()).with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(screenEntries(unused))
                .filteredOn(entry -> entry.action().equals("SCREEN_REMOVED"))
                .extracting(
                        AuditEntry::actorEmail,
                        AuditEntry::subjectLabel,
                        entry -> entry.changes().get(0).before())
                .containsExactlyInAnyOrder(
                        tuple(org.manager().email(), "Unused (" + unused.couponCode() + ")", "Entrance"),
                        tuple(org.manager().email(), "Unused (" + unused.couponCode() + ")", "Window"));
    }

    static String change(String before, String after) {
        return new FieldChange("screen", before, after).toString();
    }
}
