package io.licencedesk.accounts;

import io.licencedesk.shared.Language;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a demo organisation, only on the embedded H2 database and only when it is empty, so that
 * {@code ./mvnw spring-boot:run} opens on something to try. Never runs on PostgreSQL.
 *
 * <p>The seed runs as a lifecycle of an early phase, before the web server's own lifecycle opens the port: run after
 * start (an application runner), it took the first 10 to 20 seconds during which the server already answered, and
 * a newcomer signing in with the demo accounts then was refused. The address is told once the server listens.
 */
@Component
@Order(1)
class DemoAccounts implements SmartLifecycle, ApplicationRunner, DemoSignIns {

    /** Before the web server's lifecycle (SmartLifecycle.DEFAULT_PHASE - 1024), after every bean is ready. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final int CLIENTS = 40;

    private static final String[] FIRST_NAMES = {
        "Alice", "Ben", "Chloé", "Daniel", "Emma", "Farid", "Grace", "Hugo", "Isla", "Jonas",
    };
    private static final String[] LAST_NAMES = {"Martin", "Okafor", "Schmidt", "Dubois"};
    /** Billing address, and VAT number or null. */
    private static final String[][] ADDRESSES = {
        {"12 Quay Street\nBristol BS1 4DJ\nUnited Kingdom", null},
        {"Hauptstraße 5\n10115 Berlin\nGermany", "DE811907980"},
        {"8 rue des Lilas\n69003 Lyon\nFrance", "FR40303265045"},
        {"Keizersgracht 100\n1015 AA Amsterdam\nNetherlands", "NL123456789B01"},
        {"4 Market Square\nYork YO1 8AA\nUnited Kingdom", null},
        {"Via Roma 21\n20121 Milano\nItaly", null},
    };

    private static final String[] COMPANIES = {
        "Northwind Cafés",
        "Harbour Fitness",
        "Blue Lantern Hotels",
        "City Dental Group",
        "Mercato Foods",
        "Riverside Cinemas",
        "Atlas Motors",
        "Pine & Co Retail",
    };

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;
    private final Environment environment;
    private final Clock clock;
    private final boolean enabled;

    DemoAccounts(
            AccountRepository accounts,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            DataSource dataSource,
            Environment environment,
            Clock clock,
            @Value("${licencedesk.demo.enabled:false}") boolean enabled) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.dataSource = dataSource;
        this.environment = environment;
        this.clock = clock;
        this.enabled = enabled;
    }

    static final DemoSignIn OWNER = new DemoSignIn(Role.OWNER, "admin@demo.test", null, "demo-admin");
    static final DemoSignIn MANAGER = new DemoSignIn(Role.MANAGER, "manager@demo.test", null, "demo-manager");
    static final DemoSignIn NUMBERED_CLIENTS =
            new DemoSignIn(Role.CLIENT, clientEmail(1), clientEmail(CLIENTS), "demo-client");

    private volatile boolean running;
    private volatile boolean seeded;
    private volatile boolean offered;

    @Override
    @Transactional
    public void start() {
        running = true;
        if (!enabled || !onH2()) {
            return;
        }
        if (!accounts.anyOrganisationExists()) {
            seed();
        }
        seeded = true;
        // A database kept from an earlier run holds the demo only if its owner is still there.
        offered = accounts.findUserByEmail(OWNER.email()).isPresent();
    }

    @Override
    public List<DemoSignIn> offered() {
        return offered ? List.of(OWNER, MANAGER, NUMBERED_CLIENTS) : List.of();
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

    @Override
    public void run(ApplicationArguments args) {
        if (!seeded) {
            return;
        }
        log.info(
                """

                ================================================================
                LicenceDesk demo is ready on http://localhost:{}
                  owner:            {} / {}
                  account manager:  {} / {}
                  clients:          {} … {} / {}
                ================================================================""",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                OWNER.email(),
                OWNER.password(),
                MANAGER.email(),
                MANAGER.password(),
                NUMBERED_CLIENTS.email(),
                NUMBERED_CLIENTS.lastEmail(),
                NUMBERED_CLIENTS.password());
    }

    private void seed() {
        var now = clock.instant();
        long organisationId = accounts.insertOrganisation("Demo Signage Ltd", Currency.getInstance("EUR"), now);
        accounts.insertUser(
                organisationId, Role.OWNER, OWNER.email(), passwords.encode(OWNER.password()), "Ada Admin", null, now);
        long managerId = accounts.insertUser(
                organisationId,
                Role.MANAGER,
                MANAGER.email(),
                passwords.encode(MANAGER.password()),
                "Max Manager",
                null,
                now);
        String clientPassword = passwords.encode(NUMBERED_CLIENTS.password());
        List<Caller> clients = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[i % LAST_NAMES.length];
            String company = COMPANIES[i % COMPANIES.length];
            long clientId = accounts.insertUser(
                    organisationId, Role.CLIENT, clientEmail(i), clientPassword, name, company, now);
            // An address, and for some a VAT number (one in another EU country: its invoices are reverse-charged),
            // so that demo invoices look like real ones.
            String[] address = ADDRESSES[i % ADDRESSES.length];
            accounts.updateProfile(organisationId, clientId, new ProfileChange(name, company, address[0], address[1]));
            clients.add(new Caller(clientId, organisationId, Role.CLIENT, clientEmail(i), name));
        }
        accounts.updateOrganisation(
                organisationId,
                new OrganisationSettings(
                        "Demo Signage Ltd",
                        "Demo Signage Ltd",
                        "1 Harbour Road\nBristol BS1 4AA\nUnited Kingdom",
                        Currency.getInstance("EUR"),
                        new BigDecimal("20.00"),
                        "INV",
                        30,
                        "Demo Signage billing",
                        "billing@demo.test",
                        30,
                        Language.EN));
        Caller manager = new Caller(managerId, organisationId, Role.MANAGER, MANAGER.email(), "Max Manager");
        events.publishEvent(new DemoOrganisationCreated(organisationId, manager, clients));
    }

    private static String clientEmail(int number) {
        return "client" + number + "@demo.test";
    }

    private boolean onH2() {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2");
        } catch (SQLException unreadable) {
            throw new IllegalStateException("Cannot tell which database this is", unreadable);
        }
    }
}
