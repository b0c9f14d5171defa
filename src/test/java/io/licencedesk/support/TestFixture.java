package io.licencedesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import java.math.BigDecimal;
import java.time.Period;
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

    TestFixture(TestOrganisations organisations, PlanCatalogue plans, ObjectProvider<UserDetailsService> users) {
        this.organisations = organisations;
        this.plans = plans;
        this.users = users;
    }

    /** A new organisation no other test sees. */
    public TestOrganisation organisation() {
        return organisations.create();
    }

    /** "Monthly": one month for 10.00 a screen. */
    public Plan monthlyPlan(TestOrganisation organisation) {
        return plans.addPlan(organisation.owner(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10.00")));
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
}
