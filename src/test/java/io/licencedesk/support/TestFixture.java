package io.licencedesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.webhooks.EventType;
import io.licencedesk.webhooks.NewEndpoint;
import io.licencedesk.webhooks.Webhooks;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What most integration tests start from, in one place: an organisation of their own (owner, manager, clients
 * Alice and Bob), a plan to sell, and requests signed in as one of its people.
 */
@Component
public class TestFixture {

    private final TestOrganisations organisations;
    private final PlanCatalogue plans;
    private final ObjectProvider<UserDetailsService> users;
    private final ApiTokens tokens;
    private final Webhooks webhooks;

    TestFixture(
            TestOrganisations organisations,
            PlanCatalogue plans,
            ObjectProvider<UserDetailsService> users,
            ApiTokens tokens,
            Webhooks webhooks) {
        this.organisations = organisations;
        this.plans = plans;
        this.users = users;
        this.tokens = tokens;
        this.webhooks = webhooks;
    }

    /** A new organisation no other test sees. */
    public TestOrganisation organisation() {
        return organisations.create();
    }

    /** "Monthly": one month for 10.00 a screen. */
    public Plan monthlyPlan(TestOrganisation organisation) {
        return plans.addPlan(organisation.owner(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10.00")));
    }

    /**
     * The id of a webhook endpoint with a long address, registered by the owner, as the layout sweeps show it (its
     * address must fit a phone's card and a laptop's table). The address is a public one, as registering requires, in
     * a documentation range (RFC 5737) that nothing routes, so that no test can reach the internet; the endpoint
     * listens only to an event the sweeps never cause, so that no test run tries to deliver there either.
     */
    public long webhookEndpointWithALongAddress(TestOrganisation organisation) {
        return webhooks.register(
                        organisation.owner(),
                        new NewEndpoint(
                                "https://203.0.113.7/" + organisation.id() + "/a-rather-long-path/to/the/receiver",
                                "Accounting system",
                                false,
                                Set.of(EventType.INVOICE_PAYMENT_REMOVED)))
                .endpoint()
                .id();
    }

    /** "Yearly": one year for 100.00 a screen. */
    public Plan yearlyPlan(TestOrganisation organisation) {
        return plans.addPlan(organisation.owner(), new NewPlan("Yearly", Period.ofYears(1), new BigDecimal("100.00")));
    }

    /** A MockMvc request made by this user, signed in the way the sign-in form signs them in. */
    public RequestPostProcessor signedIn(String email) {
        return user(users.getObject().loadUserByUsername(email));
    }

    public RequestPostProcessor signedIn(Caller caller) {
        return signedIn(caller.email());
    }

    /** A new read-write API token of this person: its secret. */
    public String token(Caller caller) {
        return tokens.issue(caller, new NewApiToken("Test", ApiAccess.READ_WRITE, null))
                .secret();
    }

    /** A new read-only API token of this person: its secret. */
    public String readOnlyToken(Caller caller) {
        return tokens.issue(caller, new NewApiToken("Test (read only)", ApiAccess.READ_ONLY, null))
                .secret();
    }

    /** A MockMvc request of the REST API with this token. */
    public static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** A MockMvc request of the REST API with a new read-write token of this person. */
    public RequestPostProcessor withToken(Caller caller) {
        return bearer(token(caller));
    }
}
