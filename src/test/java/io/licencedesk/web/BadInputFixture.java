package io.licencedesk.web;

import static io.licencedesk.web.HandlerRoutes.variables;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.ApiTokens;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.accounts.TestOrganisations;
import io.licencedesk.accounts.TestOrganisations.TestOrganisation;
import io.licencedesk.devices.ScreenManagement;
import io.licencedesk.invoicing.InvoiceManagement;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.NewLicence;
import io.licencedesk.licence.NewPlan;
import io.licencedesk.licence.PlanCatalogue;
import io.licencedesk.web.HandlerRoutes.Route;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The application under test (the test class's Spring context), one organisation with a plan, a licence, a screen and
 * an invoice, who can call what, and a count of the rows written to every business table, to tell whether a refused
 * request changed anything. Made once per context and shared by the test methods, as Spring shares the context.
 */
final class BadInputFixture {

    /** Who sends a request: signed in (MockMvc's user), anonymous, or a device with its credential. */
    record Sender(String name, RequestPostProcessor auth, String authorization) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A route and one of its callers. */
    record Target(Route route, Sender sender) {
        @Override
        public String toString() {
            return route + " as " + sender;
        }

        boolean destroys() {
            return route.pattern().matches(".*/(delete|remove|void|paid|activate)$");
        }
    }

    private static BadInputFixture instance;

    final MockMvc mvc;
    final int port;
    final List<Route> routes;
    final List<Sender> senders;
    final LocalDate today;
    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final TestOrganisation org;
    private final long plan;
    /** Ids that exist, by "area/variable" for path variables and by name for parameters. */
    private final Map<String, String> ids = new HashMap<>();

    static synchronized BadInputFixture of(ApplicationContext context) {
        if (instance == null || instance.context != context) {
            instance = new BadInputFixture(context);
        }
        return instance;
    }

    /** The fixture made last, if any. */
    static synchronized BadInputFixture current() {
        return instance;
    }

    private BadInputFixture(ApplicationContext context) {
        this.context = context;
        this.mvc = context.getBean(MockMvc.class);
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.today = LocalDate.now(context.getBean(Clock.class));
        this.org = context.getBean(TestOrganisations.class).create();
        this.plan = context.getBean(PlanCatalogue.class)
                .addPlan(org.owner(), new NewPlan("Monthly", Period.ofMonths(1), new BigDecimal("10.00")))
                .id();
        var subjects = freshSubjects(true, true);
        String credential = subjects.remove("credential");
        ids.putAll(subjects);
        ids.putAll(Map.of(
                "plans/id", "" + plan,
                "clients/id", "" + org.bob().userId(),
                "planId", "" + plan,
                "clientId", "" + org.alice().userId(),
                "client", "" + org.alice().userId(),
                "id", subjects.get("licences/id")));
        // The owner's token (the manager's revoke is a 404) and Alice's, under her profile in the portal.
        var tokens = context.getBean(ApiTokens.class);
        ids.put(
                "api-tokens/id",
                ""
                        + tokens.issue(org.owner(), new NewApiToken("Bad input", ApiAccess.READ_ONLY, null))
                                .token()
                                .id());
        ids.put(
                "profile/id",
                ""
                        + tokens.issue(org.alice(), new NewApiToken("Bad input", ApiAccess.READ_ONLY, null))
                                .token()
                                .id());
        var users = context.getBean(UserDetailsService.class);
        this.senders = List.of(
                new Sender("anonymous", request -> request, null),
                new Sender("owner", user(users.loadUserByUsername(org.owner().email())), null),
                new Sender(
                        "manager", user(users.loadUserByUsername(org.manager().email())), null),
                new Sender("client", user(users.loadUserByUsername(org.alice().email())), null),
                new Sender("device", request -> request, "Bearer " + credential));
        this.routes = HandlerRoutes.of(context);
        countChanges();
    }

    /**
     * A licence of Alice's with room for every screen a run registers, and on demand a screen of it (with the device
     * credential) and an invoice for it: a route that deletes, voids, pays or activates gets its own.
     */
    Map<String, String> freshSubjects(boolean screen, boolean invoice) {
        var subjects = new HashMap<String, String>();
        long licence = context.getBean(LicenceManagement.class)
                .create(
                        org.manager(),
                        new NewLicence(plan, "Lobby", null, 10_000, org.alice().userId()))
                .id();
        subjects.put("licences/id", "" + licence);
        if (screen) {
            var registered = context.getBean(ScreenManagement.class).register(org.alice(), licence, "Reception");
            subjects.put("licences/screenId", "" + registered.screen().id());
            subjects.put("credential", registered.credential());
        }
        if (invoice) {
            try {
                long id = context.getBean(InvoiceManagement.class)
                        .send(org.manager(), List.of(licence))
                        .issued()
                        .get(0)
                        .id();
                subjects.put("invoices/id", "" + id);
            } catch (RuntimeException failed) {
                // What earlier requests stored may break sending (POST /invoices/send reports it): use the first.
                LoggerFactory.getLogger(getClass()).warn("Sending a fresh invoice failed: {}", failed.toString());
            }
        }
        return subjects;
    }

    /** Path variables that exist: the fixture's, or fresh ones for a route that uses its subject up. */
    Map<String, String> pathVariables(Target target) {
        Route route = target.route();
        String area = route.pattern().replaceFirst("^/portal/", "/").split("/", 3)[1];
        List<String> variables = variables(route.pattern());
        Map<String, String> known = ids;
        if (target.destroys() && !variables.isEmpty()) {
            known = new HashMap<>(ids);
            known.putAll(freshSubjects(route.pattern().contains("{screenId}"), area.equals("invoices")));
        }
        var values = new LinkedHashMap<String, String>();
        for (String variable : variables) {
            if (variable.equals("keyId")) {
                values.put(variable, ids.computeIfAbsent("api/keyId", key -> keyId()));
            } else {
                values.put(variable, known.getOrDefault(area + "/" + variable, "1"));
            }
        }
        return values;
    }

    /** The signing key's id, from the device API as a device learns it. */
    private String keyId() {
        try {
            var answer = mvc.perform(MockMvcRequestBuilders.get("/api/v1/device/key")
                            .header(
                                    "Authorization",
                                    senders.get(senders.size() - 1).authorization()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return BadRequest.JSON.readTree(answer).get("keyId").asString();
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    String id(String name) {
        return ids.get(name);
    }

    /** The newest entry of the audit log, to tell afterwards which entries a request wrote. */
    long lastAuditEntry() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    /**
     * Whether the audit log has an entry after this one that records something other than a refusal: a refused coupon
     * code or a failed sign-in is recorded on purpose (decision 0051), any other entry would be a change.
     */
    boolean auditedMoreThanRefusals(long lastEntry) {
        return jdbc.sql("""
                                select count(*) from audit_event
                                where id > :lastEntry and action not in ('REFUSED', 'SIGN_IN_FAILED')
                                """).param("lastEntry", lastEntry).query(Long.class).single() > 0;
    }

    /** Per business table, how many of its rows were inserted, changed or deleted so far. */
    Map<String, Long> changes() {
        return jdbc
                .sql("select table_name, changes from bad_input_change")
                .query((row, number) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Triggers on every business table (Spring Session's left out) count the rows inserted, deleted and really changed
     * (an update that writes the same values is none), in the transaction that changes them: a rolled-back change
     * counts nothing. Hashing every row twice per request cost more than the requests once the tables had grown.
     */
    private void countChanges() {
        jdbc.sql("create table bad_input_change (table_name text primary key, changes bigint not null)")
                .update();
        jdbc.sql("""
                        create function bad_input_count() returns trigger language plpgsql as $$
                        begin
                            insert into bad_input_change values (tg_table_name, 1)
                            on conflict (table_name) do update set changes = bad_input_change.changes + 1;
                            return null;
                        end $$
                        """).update();
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                          and table_name not like 'spring_session%'
                          and table_name not in ('flyway_schema_history', 'bad_input_change')
                        """).query(String.class).list();
        for (String table : tables) {
            jdbc.sql("create trigger bad_input_written after insert or delete on " + table
                            + " for each row execute function bad_input_count()")
                    .update();
            jdbc.sql("create trigger bad_input_changed after update on " + table
                            + " for each row when (old.* is distinct from new.*) execute function bad_input_count()")
                    .update();
        }
    }

    static boolean isGet(Route route) {
        return route.method() == HttpMethod.GET;
    }
}
