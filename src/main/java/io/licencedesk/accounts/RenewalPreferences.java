package io.licencedesk.accounts;

import io.licencedesk.shared.Reason;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal cycle's settings of each organisation, who on its staff receives the weekly digest, and whether a
 * client wants reminders (decision 0048). Invoices reach a client whatever they choose here.
 */
@Service
@Transactional
public class RenewalPreferences {

    /** A member of staff the digest goes to; {@code language} is their choice ("en", "fr"), or null. */
    public record StaffMember(long id, String email, String name, String language) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RenewalPreferences(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation's settings, for the renewal cycle, which acts for nobody signed in. */
    @Transactional(readOnly = true)
    public RenewalSettings settings(long organisationId) {
        return jdbc.sql("""
                        select renewal_invoice_days, overdue_reminder_days, overdue_pause, overdue_pause_days
                        from organisation where id = :id
                        """)
                .param("id", organisationId)
                .query((rs, row) -> new RenewalSettings(
                        rs.getInt("renewal_invoice_days"),
                        rs.getInt("overdue_reminder_days"),
                        rs.getBoolean("overdue_pause"),
                        rs.getInt("overdue_pause_days")))
                .single();
    }

    @Transactional(readOnly = true)
    public RenewalSettings settings(Caller caller) {
        AccountManagement.requireStaff(caller);
        return settings(caller.organisationId());
    }

    /**
     * Changes the settings; only owners may.
     *
     * @return whether anything changed: settings saved as they were record nothing, and the page says so
     * @throws RenewalSettingsRefusedException naming the first wait that is not between 1 and {@value
     *     RenewalSettings#MAX_DAYS} days
     */
    public boolean update(Caller caller, RenewalSettings settings) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may change the organisation's settings");
        }
        checkDays("renewalInvoiceDays", settings.renewalInvoiceDays());
        checkDays("overdueReminderDays", settings.overdueReminderDays());
        checkDays("overduePauseDays", settings.overduePauseDays());
        RenewalSettings before = settings(caller.organisationId());
        jdbc.sql("""
                        update organisation
                        set renewal_invoice_days = :renewalInvoiceDays, overdue_reminder_days = :overdueReminderDays,
                            overdue_pause = :overduePause, overdue_pause_days = :overduePauseDays
                        where id = :id
                        """)
                .param("renewalInvoiceDays", settings.renewalInvoiceDays())
                .param("overdueReminderDays", settings.overdueReminderDays())
                .param("overduePause", settings.overduePause())
                .param("overduePauseDays", settings.overduePauseDays())
                .param("id", caller.organisationId())
                .update();
        RenewalSettings after = settings(caller.organisationId());
        if (after.equals(before)) {
            return false;
        }
        events.publishEvent(new RenewalSettingsChanged(caller, before, after, clock.instant()));
        return true;
    }

    private static void checkDays(String field, int days) {
        if (days < 1 || days > RenewalSettings.MAX_DAYS) {
            throw new RenewalSettingsRefusedException(
                    field, Reason.of("reason.settings.daysRange", RenewalSettings.MAX_DAYS));
        }
    }

    /**
     * The organisation's owners and managers who can sign in, enabled and with a password: who receives the weekly
     * digest. Someone invited who has not chosen a password yet (not accepted the invitation) cannot sign in and may
     * never do so: the digest waits until they accept.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> staff(long organisationId) {
        return jdbc.sql("""
                        select id, email, name, language from app_user
                        where organisation_id = :organisationId and role in ('OWNER', 'MANAGER') and enabled
                          and password_hash is not null
                        order by id
                        """)
                .param("organisationId", organisationId)
                .query((rs, row) -> new StaffMember(
                        rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("language")))
                .list();
    }

    /** Whether the signed-in client turned reminders off. */
    @Transactional(readOnly = true)
    public boolean remindersOff(Caller client) {
        requireClient(client);
        return jdbc.sql("select reminders_off from app_user where id = :id and organisation_id = :organisationId")
                .param("id", client.userId())
                .param("organisationId", client.organisationId())
                .query(Boolean.class)
                .single();
    }

    /** The signed-in client turns reminders off or on, for themselves only. */
    public void setRemindersOff(Caller client, boolean off) {
        requireClient(client);
        jdbc.sql("""
                        update app_user set reminders_off = :off
                        where id = :id and organisation_id = :organisationId and role = 'CLIENT'
                        """)
                .param("off", off)
                .param("id", client.userId())
                .param("organisationId", client.organisationId())
                .update();
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient()) {
            throw new AccessDeniedException("Only a client has reminders to turn off");
        }
    }
}
