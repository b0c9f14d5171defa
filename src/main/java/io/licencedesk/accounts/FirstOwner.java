package io.licencedesk.accounts;

import io.licencedesk.shared.SettingRefusedException;
import java.util.Currency;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A production installation starts with no user: the first owner and their organisation come from
 * LICENCEDESK_FIRST_OWNER_* environment variables (see README, "Configuration"). Given but unusable (a password the
 * sign-in pages would refuse, a currency that is not an ISO 4217 code), they stop the start with a message naming the
 * setting, rather than create an owner nobody could have chosen or start a node nobody can sign in to.
 *
 * <p>The owner is created as a lifecycle of an early phase, after the demo's seed and before the web server's own
 * lifecycle opens the port, so before the log says "Started" and before any health check can pass: as an application
 * runner, it was created just after "Started …", while the server already answered, and a sign-in in that instant was
 * refused (decision 0163).
 */
@Component
class FirstOwner implements SmartLifecycle {

    /** After the demo's seed (which makes the first owner needless), before the web server's lifecycle. */
    static final int PHASE = DemoAccounts.PHASE + 1;

    private static final Logger log = LoggerFactory.getLogger(FirstOwner.class);

    private final AccountRepository accounts;
    private final AccountManagement management;
    private final MessageSource messages;
    private final String email;
    private final String password;
    private final String organisation;
    private final String currency;

    FirstOwner(
            AccountRepository accounts,
            AccountManagement management,
            MessageSource messages,
            @Value("${licencedesk.first-owner.email:}") String email,
            @Value("${licencedesk.first-owner.password:}") String password,
            @Value("${licencedesk.first-owner.organisation:My organisation}") String organisation,
            @Value("${licencedesk.first-owner.currency:EUR}") String currency) {
        this.accounts = accounts;
        this.management = management;
        this.messages = messages;
        this.email = email;
        this.password = password;
        this.organisation = organisation;
        this.currency = currency;
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
        createIfNoUserExists();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    void createIfNoUserExists() {
        if (accounts.anyUserExists()) {
            return;
        }
        if (email.isBlank() && password.isEmpty()) {
            log.warn("No user exists yet. Set LICENCEDESK_FIRST_OWNER_EMAIL and LICENCEDESK_FIRST_OWNER_PASSWORD"
                    + " to create the first owner.");
            return;
        }
        try {
            management.createOrganisationWithOwner(organisation, currency(), "Owner", usableEmail(), usablePassword());
        } catch (EmailAlreadyUsedException raced) {
            // Nodes started together on an empty database all find no user; one creates the owner, and the others
            // (whose organisation is rolled back with the refused owner) must still start rather than fail.
            log.info("The first owner {} was created by another node starting at the same time", email);
            return;
        }
        log.info("Created the first owner {} of organisation '{}'", email, organisation);
    }

    private String usableEmail() {
        if (!email.contains("@") || email.strip().contains(" ")) {
            throw new SettingRefusedException(
                    "LICENCEDESK_FIRST_OWNER_EMAIL is not set to an e-mail address; the first owner signs in with it.");
        }
        return email;
    }

    /** The sign-in pages' own rules (decision 0015), in the operator's log in English. */
    private String usablePassword() {
        PasswordPolicy.problemWith(password, email).ifPresent(problem -> {
            throw new SettingRefusedException("LICENCEDESK_FIRST_OWNER_PASSWORD is refused: "
                    + messages.getMessage(problem, Locale.ENGLISH)
                    + " It is the first owner's password, with the rules of every password.");
        });
        return password;
    }

    private Currency currency() {
        try {
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new SettingRefusedException("LICENCEDESK_FIRST_OWNER_CURRENCY '" + currency
                    + "' is not an ISO 4217 currency code, e.g. EUR, GBP or USD.");
        }
    }
}
