package io.licencedesk.accounts;

import java.util.Currency;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Creates isolated organisations with staff and clients for integration tests. */
@Component
public class TestOrganisations {

    private final AccountManagement accounts;
    private final AccountRepository repository;

    TestOrganisations(AccountManagement accounts, AccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    /** A new organisation with an owner, an account manager and two clients, all with password "password1". */
    public TestOrganisation create() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long organisationId = accounts.createOrganisationWithOwner(
                "Org " + tag,
                Currency.getInstance("EUR"),
                "Owner " + tag,
                "owner-" + tag + "@example.test",
                TestOrganisation.PASSWORD);
        Caller owner = caller("owner-" + tag + "@example.test");
        accounts.createUser(
                organisationId,
                Role.MANAGER,
                "Manager " + tag,
                "manager-" + tag + "@example.test",
                TestOrganisation.PASSWORD,
                null);
        accounts.createUser(
                organisationId,
                Role.CLIENT,
                "Alice Client " + tag,
                "alice-" + tag + "@example.test",
                TestOrganisation.PASSWORD,
                "Alice Co");
        accounts.createUser(
                organisationId,
                Role.CLIENT,
                "Bob Client " + tag,
                "bob-" + tag + "@example.test",
                TestOrganisation.PASSWORD,
                "Bob Ltd");
        return new TestOrganisation(
                organisationId,
                owner,
                caller("manager-" + tag + "@example.test"),
                caller("alice-" + tag + "@example.test"),
                caller("bob-" + tag + "@example.test"));
    }

    /** Adds this many more clients to the organisation, for tests where many clients act at once. */
    public java.util.List<Caller> moreClients(TestOrganisation organisation, int count) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var clients = new java.util.ArrayList<Caller>();
        for (int i = 1; i <= count; i++) {
            String email = "client" + i + "-" + tag + "@example.test";
            accounts.createUser(
                    organisation.id(), Role.CLIENT, "Client " + i + " " + tag, email, TestOrganisation.PASSWORD, null);
            clients.add(caller(email));
        }
        return clients;
    }

    private Caller caller(String email) {
        return repository.findUserByEmail(email).orElseThrow().caller();
    }

    /** The people of a test organisation; clients are callers too (for refusal tests). */
    public record TestOrganisation(long id, Caller owner, Caller manager, Caller alice, Caller bob) {
        public static final String PASSWORD = "password1";
    }
}
