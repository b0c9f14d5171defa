package io.licencedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.Screen;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.Invoice;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.CodeNotRedeemableException;
import io.licencedesk.licence.LicenceDetails;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LifecycleStatus;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.TestLicences;
import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.support.InWords;
import io.licencedesk.support.IntegrationTest;
import io.licencedesk.support.TestFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal over HTTP: what a client may do with their own licences, screens and invoices, and that
 * anonymous users, staff, other clients and other organisations' clients are refused with nothing changed.
 */
@IntegrationTest
class PortalIntegrationTests {

    @Autowired
    TestFixture fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestOrganisations organisations;

    @Autowired
    LicenceManagement licences;

    @Autowired
    ScreenManagement screens;

    @Autowired
    InvoiceManagement invoicing;

    @Autowired
    TestLicences testLicences;

    @Autowired
    AttemptLimits attempts;

    TestOrganisation org;
    TestOrganisation other;
    Plan plan;
    LicenceDetails alices;
    LicenceDetails available;
    Screen screen;
    Invoice invoice;

    @BeforeEach
    void setUp() {
        org = organisations.create();
        other = organisations.create();
        plan = fixture.yearlyPlan(org);
        alices = licences.create(
                org.manager(),
                new NewLicence(plan.id(), "Alice's lobby", null, 2, org.alice().userId()));
        available = licences.create(org.manager(), new NewLicence(plan.id(), "Spare", null, 1, null));
        screen = screens.register(org.alice(), alices.id(), "Reception").screen();
        invoice = invoicing.send(org.manager(), List.of(alices.id())).issued().get(0);
    }

    List<MockHttpServletRequestBuilder> pages() {
        return List.of(
                get("/portal"),
                get("/portal/licences/{id}", alices.id()),
                get("/portal/invoices"),
                get("/portal/invoices/{id}/pdf", invoice.id()));
    }

    List<MockHttpServletRequestBuilder> actionsOnAlicesLicence() {
        return List.of(
                post("/portal/licences/{id}/activate", alices.id()),
                post("/portal/licences/{id}/screens", alices.id()).param("name", "Intruder"),
                post("/portal/licences/{id}/screens/{sid}/rename", alices.id(), screen.id())
                        .param("name", "Hacked"),
                post("/portal/licences/{id}/screens/{sid}/remove", alices.id(), screen.id()));
    }

    void assertUnchanged() {
        assertThat(licences.details(org.manager(), alices.id()).status()).isEqualTo(LifecycleStatus.ASSIGNED);
        assertThat(licences.details(org.manager(), available.id()).client()).isNull();
        assertThat(screens.screens(org.manager(), alices.id()))
                .extracting(Screen::name)
                .containsExactly("Reception");
    }

    @Test
    void showsTheClientTheirLicencesScreensAndInvoices() throws Exception {
        var alice = fixture.signedIn(org.alice().email());
        mvc.perform(get("/portal").with(alice))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alice&#39;s lobby")))
                .andExpect(content().string(containsString("1 / 2")))
                .andExpect(content().string(not(containsString("Spare"))));
        mvc.perform(get("/portal/licences/{id}", alices.id()).with(alice))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Reception")))
                .andExpect(content().string(containsString("Activate")));
        mvc.perform(get("/portal/invoices").with(alice))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(invoice.number())));
        mvc.perform(get("/portal/invoices/{id}/pdf", invoice.id()).with(alice))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void marksThePortalsCurrentPageInItsMenuForScreenReaders() throws Exception {
        var alice = fixture.signedIn(org.alice().email());
        Map<String, String> menuEntryOfPage = Map.of(
                "/portal",
                "My licences",
                "/portal/licences/" + alices.id(),
                "My licences",
                "/portal/invoices",
                "Invoices",
                "/portal/profile",
                "Profile");
        for (var page : menuEntryOfPage.entrySet()) {
            String html = mvc.perform(get(page.getKey()).with(alice))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(html)
                            .select("nav a.nav-link[aria-current=page]")
                            .eachText())
                    .as(page.getKey())
                    .containsExactly(page.getValue());
        }
    }

    /**
     * A screen sent for a licence that has ended (the page was open when it ended) was refused with the page again,
     * whose form is gone with the licence's end, and no word of why; and the reason told the client to renew it, which
     * only their account manager can.
     */
    @Test
    void refusesAScreenForAnEndedLicenceSayingWhyAndWhomToAsk() throws Exception {
        long ended = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Old lobby",
                testLicences.today().minusYears(2));
        for (String language : List.of("en", "fr")) {
            for (String name : List.of("Lobby", "")) {
                String html = mvc.perform(post("/portal/licences/{id}/screens", ended)
                                .param("name", name)
                                .header("Accept-Language", language)
                                .with(fixture.signedIn(org.alice().email()))
                                .with(csrf()))
                        .andExpect(status().isUnprocessableContent())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(Jsoup.parse(html).select("[role=alert]").eachText())
                        .as("%s, name “%s”", language, name)
                        .containsExactly(
                                language.equals("en")
                                        ? "This licence has expired, so it takes no new screens. "
                                                + "Ask your account manager to renew it."
                                        : "Cette licence a expiré, elle n’accepte donc plus de nouveaux écrans. "
                                                + "Demandez à votre chargé de compte de la renouveler.");
            }
        }
        assertThat(screens.screens(org.alice(), ended)).isEmpty();
    }

    /** An ended licence without screens said "Register one for each display" above "it takes no new screens". */
    @Test
    void anEndedLicenceDoesNotAskForTheScreensItRefuses() throws Exception {
        long ended = testLicences.activated(
                org.owner(),
                plan,
                org.alice().userId(),
                "Old lobby",
                testLicences.today().minusYears(2));
        mvc.perform(get("/portal/licences/{id}", ended)
                        .with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This licence has expired: it takes no new screens.")))
                .andExpect(content().string(not(containsString("Register one for each display"))));
    }

    @Test
    void answersAnyPageNumberWithAPage() throws Exception {
        for (String page : List.of("100000000", "-5", "0", "2147483647")) {
            mvc.perform(get("/portal/invoices")
                            .param("page", page)
                            .with(fixture.signedIn(org.alice().email())))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(invoice.number())));
        }
        mvc.perform(get("/portal/invoices")
                        .param("page", "many")
                        .with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void redeemsACodeAndRefusesABadOneWithTheSameMessage() throws Exception {
        var bob = fixture.signedIn(org.bob().email());
        String typed = available.couponCode().value().toLowerCase().substring(0, 4) + " "
                + available.couponCode().value().toLowerCase().substring(4);
        mvc.perform(post("/portal/redeem").param("code", typed).with(bob).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal/licences/" + available.id()));
        assertThat(licences.details(org.manager(), available.id()).client().id())
                .isEqualTo(org.bob().userId());

        for (String code : List.of(available.couponCode().value(), "NOPE1234", "<b>x</b>", "!!")) {
            mvc.perform(post("/portal/redeem")
                            .param("code", code)
                            .with(fixture.signedIn(org.alice().email()))
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(InWords.english(CodeNotRedeemableException.REASON))))
                    .andExpect(content().string(not(containsString("<b>x</b>"))));
        }
        assertThat(licences.details(org.manager(), available.id()).client().id())
                .isEqualTo(org.bob().userId());
    }

    @Test
    void aCodeTypedAgainByTheClientWhoseLicenceItIsTakesThemToItWithoutARefusal() throws Exception {
        var bob = fixture.signedIn(org.bob().email());
        mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .with(bob)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/licences/" + available.id()));

        for (String language : List.of("en-GB", "fr")) {
            mvc.perform(post("/portal/redeem")
                            .param("code", available.couponCode().value())
                            .header("Accept-Language", language)
                            .with(bob)
                            .with(csrf()))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/portal/licences/" + available.id()))
                    .andExpect(flash().attribute(
                                    "toast",
                                    language.equals("fr")
                                            ? "«\u00a0" + available.name() + "\u00a0» fait déjà partie de vos licences."
                                            : "“" + available.name() + "” is already one of your licences."));
        }
        assertThat(licences.details(org.manager(), available.id()).client().id())
                .isEqualTo(org.bob().userId());
    }

    @Test
    void asksForACodeWhenNoneWasTyped() throws Exception {
        mvc.perform(post("/portal/redeem")
                        .param("code", "")
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter the coupon code of the licence to add.")));
    }

    @Test
    void limitsRedemptionAttemptsPerClient() throws Exception {
        var bob = fixture.signedIn(other.bob().email());
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(post("/portal/redeem")
                            .param("code", "WRONG" + attempt)
                            .with(bob)
                            .with(csrf()))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .with(bob)
                        .with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Too many attempts. Try again in")));
        // French keeps the seconds with their number: "dans 42 s", never "dans 42" at the end of a line.
        String french = mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .header("Accept-Language", "fr")
                        .with(bob)
                        .with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).containsPattern("Trop de tentatives\\. Réessayez dans \\d+\u00a0s\\.");
        assertUnchanged();
    }

    /**
     * A wait of a minute or more is said in minutes, as the sign-in page says it (web.WaitInWords): the portal said
     * "Try again in 846 s". The client's row of the limit is set a quarter of an hour ahead through the limit's own
     * name, as a limit configured at one attempt a minute or less would leave it.
     */
    @Test
    void saysAWaitOfAMinuteOrMoreInMinutesInBothLanguages() throws Exception {
        long client = other.alice().userId();
        attempts.take(new AttemptLimits.Limit("redeem-client", 1, Duration.ofMinutes(15)), Long.toString(client));
        var alice = fixture.signedIn(other.alice().email());
        mvc.perform(post("/portal/redeem").param("code", "WRONG123").with(alice).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many attempts. Try again in 15 min.")));
        mvc.perform(post("/portal/redeem")
                        .param("code", "WRONG123")
                        .header("Accept-Language", "fr")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Trop de tentatives. Réessayez dans 15\u00a0min.")));
        assertUnchanged();
    }

    @Test
    void registersScreensUpToTheQuantityAndShowsTheCredentialOnce() throws Exception {
        var alice = fixture.signedIn(org.alice().email());
        mvc.perform(post("/portal/licences/{id}/screens", alices.id())
                        .param("name", "Bar")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown only this once")));
        mvc.perform(post("/portal/licences/{id}/screens", alices.id())
                        .param("name", "Terrace")
                        .with(alice)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("All 2 screens of this licence are registered")));
        mvc.perform(get("/portal/licences/{id}", alices.id()).with(alice))
                .andExpect(content().string(not(containsString("shown only this once"))));
        assertThat(screens.screens(org.alice(), alices.id()))
                .extracting(Screen::name)
                .containsExactly("Reception", "Bar");
    }

    @Test
    void aOneScreenLicenceSpeaksOfOneScreenInBothLanguages() throws Exception {
        LicenceDetails single = licences.create(
                org.manager(),
                new NewLicence(plan.id(), "Kiosk", null, 1, org.alice().userId()));
        screens.register(org.alice(), single.id(), "Kiosk screen");
        var alice = fixture.signedIn(org.alice().email());

        mvc.perform(get("/portal/licences/{id}", single.id())
                        .header("Accept-Language", "en")
                        .with(alice))
                .andExpect(content().string(containsString("(1 screen at ")))
                .andExpect(content().string(containsString("The one screen of this licence is registered.")));
        mvc.perform(get("/portal/licences/{id}", single.id())
                        .header("Accept-Language", "fr")
                        .with(alice))
                .andExpect(content().string(containsString("(1 écran à ")))
                .andExpect(content().string(containsString("L’écran de cette licence est enregistré.")));
    }

    @Test
    void pagesAClientsManyLicences() throws Exception {
        for (int i = 1; i <= 30; i++) {
            licences.create(
                    org.manager(),
                    new NewLicence(plan.id(), "Branch " + i, null, 1, org.bob().userId()));
        }
        var bob = fixture.signedIn(org.bob().email());

        mvc.perform(get("/portal").with(bob))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("30 licences")))
                .andExpect(content().string(containsString("Page 1 of 2")))
                .andExpect(content().string(containsString(">Branch 30<")))
                .andExpect(content().string(not(containsString(">Branch 5<"))));
        mvc.perform(get("/portal").param("page", "2").with(bob))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Page 2 of 2")))
                .andExpect(content().string(containsString(">Branch 5<")))
                .andExpect(content().string(containsString(">Branch 1<")))
                .andExpect(content().string(not(containsString(">Branch 6<"))));
    }

    @Test
    void tellsTheClientWhenTheirLicenceIsPaused() throws Exception {
        licences.pause(org.manager(), alices.id());

        mvc.perform(get("/portal/licences/{id}", alices.id())
                        .with(fixture.signedIn(org.alice().email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your account manager has paused this licence")));
    }

    @Test
    void activatesAnAssignedLicence() throws Exception {
        mvc.perform(post("/portal/licences/{id}/activate", alices.id())
                        .with(fixture.signedIn(org.alice().email()))
                        .with(csrf()))
                .andExpect(status().isFound());
        assertThat(licences.details(org.manager(), alices.id()).status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void sendsAnonymousUsersToSignIn() throws Exception {
        for (var page : pages()) {
            mvc.perform(page).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        for (var action : actionsOnAlicesLicence()) {
            mvc.perform(action.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertUnchanged();
    }

    @Test
    void refusesStaffWhoWouldActAsAClient() throws Exception {
        for (String email : List.of(org.owner().email(), org.manager().email())) {
            for (var page : pages()) {
                mvc.perform(page.with(fixture.signedIn(email))).andExpect(status().isForbidden());
            }
            for (var action : actionsOnAlicesLicence()) {
                mvc.perform(action.with(fixture.signedIn(email)).with(csrf())).andExpect(status().isForbidden());
            }
            mvc.perform(post("/portal/redeem")
                            .param("code", available.couponCode().value())
                            .with(fixture.signedIn(email))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertUnchanged();
    }

    @Test
    void showsAnotherClientNothingOfAlicesAndChangesNothing() throws Exception {
        for (String email : List.of(org.bob().email(), other.alice().email())) {
            var stranger = fixture.signedIn(email);
            mvc.perform(get("/portal").with(stranger))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Alice&#39;s lobby"))));
            mvc.perform(get("/portal/invoices").with(stranger))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString(invoice.number()))));
            mvc.perform(get("/portal/licences/{id}", alices.id()).with(stranger))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/portal/invoices/{id}/pdf", invoice.id()).with(stranger))
                    .andExpect(status().isNotFound());
            for (var action : actionsOnAlicesLicence()) {
                mvc.perform(action.with(stranger).with(csrf())).andExpect(status().isNotFound());
            }
        }
        mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .with(fixture.signedIn(other.alice().email()))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
        assertUnchanged();
    }

    @Test
    void refusesPostsWithoutACsrfToken() throws Exception {
        var alice = fixture.signedIn(org.alice().email());
        for (var action : actionsOnAlicesLicence()) {
            mvc.perform(action.with(alice)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/portal/redeem")
                        .param("code", available.couponCode().value())
                        .with(alice))
                .andExpect(status().isForbidden());
        assertUnchanged();
    }
}
