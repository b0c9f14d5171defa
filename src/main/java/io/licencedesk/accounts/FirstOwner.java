package io.licencedesk.accounts;

import java.util.Currency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production installation starts with no user: the first owner and their organisation come from
 * LICENCEDESK_FIRST_OWNER_* environment variables (see README, "Configuration").
 */
@Component
@Order(2)
class FirstOwner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOwner.class);

    private final AccountRepository accounts;
    private final AccountManagement management;
    private final String email;
    private final String password;
    private final String organisation;
    private final String currency;

    FirstOwner(
            AccountRepository accounts,
            AccountManagement management,
            @Value("${licencedesk.first-owner.email:}") String email,
            @Value("${licencedesk.first-owner.password:}") String password,
            @Value("${licencedesk.first-owner.organisation:My organisation}") String organisation,
            @Value("${licencedesk.first-owner.currency:EUR}") String currency) {
        this.accounts = accounts;
        this.management = management;
        this.email = email;
        this.password = password;
        this.organisation = organisation;
        this.currency = currency;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUserExists()) {
            return;
        }
        if (email.isBlank() || password.length() < 8) {
            log.warn("No user exists yet. Set LICENCEDESK_FIRST_OWNER_EMAIL and LICENCEDESK_FIRST_OWNER_PASSWORD"
                    + " (8 characters or more) to create the first owner.");
            return;
        }
        try {
            management.createOrganisationWithOwner(
                    organisation, Currency.getInstance(currency), "Owner", email, password);
        } catch (EmailAlreadyUsedException raced) {
            // Nodes started together on an empty database all find no user; one creates the owner, and the others
            // (whose organisation is rolled back with the refused owner) must still start rather than fail.
            log.info("The first owner {} was created by another node starting at the same time", email);
            return;
        }
        log.info("Created the first owner {} of organisation '{}'", email, organisation);
    }
}
