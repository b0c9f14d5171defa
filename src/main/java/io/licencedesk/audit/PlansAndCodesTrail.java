package io.licencedesk.audit;

import io.licencedesk.licence.CouponCodeRefused;
import io.licencedesk.licence.LicencesImported;
import io.licencedesk.licence.PlanAdded;
import io.licencedesk.licence.PlanChanged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the licence module's changes other than licences': plans, and the coupon codes clients tried in vain
 * (only the first characters of a code are kept, decision 0051).
 */
@Component
class PlansAndCodesTrail {

    private final AuditEntries entries;

    PlansAndCodesTrail(AuditEntries entries) {
        this.entries = entries;
    }

    @EventListener
    void on(LicencesImported imported) {
        entries.add(new NewEntry(
                imported.organisationId(),
                AuditSubject.LICENCE_IMPORT,
                imported.importId(),
                imported.fileName(),
                "IMPORTED",
                imported.actorId(),
                imported.actorEmail(),
                imported.occurredAt(),
                null,
                Map.of("licencesCreated", imported.created())));
    }

    @EventListener
    void on(PlanAdded added) {
        var plan = added.plan();
        entries.add(added.actor(), AuditSubject.PLAN, plan.id(), plan.name(), "ADDED", null, plan, added.occurredAt());
    }

    @EventListener
    void on(PlanChanged changed) {
        var plan = changed.after();
        entries.add(
                changed.actor(),
                AuditSubject.PLAN,
                plan.id(),
                plan.name(),
                "CHANGED",
                changed.before(),
                plan,
                changed.occurredAt());
    }

    @EventListener
    void on(CouponCodeRefused refused) {
        entries.add(
                refused.client(),
                AuditSubject.COUPON_CODE,
                null,
                refused.shown(),
                "REFUSED",
                null,
                null,
                refused.occurredAt());
    }
}
