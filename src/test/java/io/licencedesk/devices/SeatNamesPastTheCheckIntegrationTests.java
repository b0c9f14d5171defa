package io.licencedesk.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A device's seat is named "Screen N" after the first free number (decision 0151). When the seat's insert met the
 * unique index on the name's key (a name taken past the check under the licence's lock: a writer that did not take
 * the lock, or a row the check did not read), the activation answered the 503 of a failed statement. It takes the
 * seat again from the lock on and gets the next free name (decision 0155). The clash is forced by a check that misses
 * the screen holding the name once.
 */
@IntegrationTest
class SeatNamesPastTheCheckIntegrationTests {

    @MockitoSpyBean
    ScreenRepository screenRepository;

    @Autowired
    ScreenManagement screens;

    @Autowired
    LicenceManagement licences;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    TestOrganisation org;
    long licenceId;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        licenceId = licences.create(
                        org.manager(),
                        new NewLicence(
                                fixture.monthlyPlan(org).id(),
                                "Lobby",
                                null,
                                3,
                                org.alice().userId()))
                .id();
    }

    /** The check for the seat's name misses the screens that hold the names asked about, once. */
    void theNameCheckMissesItsScreensOnce() {
        AtomicBoolean missed = new AtomicBoolean();
        doAnswer(check -> missed.getAndSet(true) ? check.callRealMethod() : List.of())
                .when(screenRepository)
                .liveNamesLike(anyLong(), anyList());
    }

    MockHttpServletResponse activate(String credential, String fingerprint) throws Exception {
        return mvc.perform(post("/api/v1/device/activate")
                        .header("Authorization", "Bearer " + credential)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fingerprint\":\"" + fingerprint + "\",\"nonce\":\"n\"}"))
                .andReturn()
                .getResponse();
    }

    @Test
    void aSeatWhoseNameWasTakenPastTheCheckTakesTheNextFreeName() throws Exception {
        String shared = screens.register(org.alice(), licenceId, "Entrance").credential();
        assertThat(activate(shared, "device-a").getStatus()).isEqualTo(200);
        screens.register(org.alice(), licenceId, "Screen 3");
        theNameCheckMissesItsScreensOnce();

        MockHttpServletResponse answer = activate(shared, "device-b");

        assertThat(answer.getStatus())
                .as(answer.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("\"valid\":true");
        assertThat(screens.screens(org.alice(), licenceId))
                .extracting(Screen::name)
                .containsExactly("Entrance", "Screen 3", "Screen 4");
    }
}
