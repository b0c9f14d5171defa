package io.licencedesk.audit;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.audit.AuditRecord.FieldChange;
import io.licencedesk.licence.PlanCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded state of a licence keeps ids, which stay true when a client or plan is renamed; a person reads names.
 * A changed clientId or planId is followed by a "client" or "plan" change with today's names (an id when the client
 * or plan is gone). One instance serves one page or one export: it reads each plan and client once.
 */
final class Names {

    private final AccountManagement accounts;
    private final PlanCatalogue plans;
    private final Caller caller;
    private final Map<Long, String> clientNames = new HashMap<>();
    private Map<Long, String> planNames;

    Names(AccountManagement accounts, PlanCatalogue plans, Caller caller) {
        this.accounts = accounts;
        this.plans = plans;
        this.caller = caller;
    }

    List<FieldChange> added(List<FieldChange> changes) {
        List<FieldChange> named = new ArrayList<>();
        for (FieldChange change : changes) {
            named.add(change);
            switch (change.field()) {
                case "clientId" ->
                    named.add(new FieldChange("client", client(change.before()), client(change.after())));
                case "planId" -> named.add(new FieldChange("plan", plan(change.before()), plan(change.after())));
                default -> {}
            }
        }
        return named;
    }

    private String client(String id) {
        return id == null
                ? null
                : clientNames.computeIfAbsent(
                        Long.parseLong(id),
                        clientId -> accounts.findClient(caller.organisationId(), clientId)
                                .map(client -> client.name() + " <" + client.email() + ">")
                                .orElse("#" + clientId));
    }

    private String plan(String id) {
        if (id == null) {
            return null;
        }
        if (planNames == null) {
            planNames = new HashMap<>();
            plans.plans(caller).forEach(plan -> planNames.put(plan.id(), plan.name()));
        }
        return planNames.getOrDefault(Long.parseLong(id), "#" + id);
    }
}
