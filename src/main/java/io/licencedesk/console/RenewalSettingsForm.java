package io.licencedesk.console;

import io.licencedesk.accounts.RenewalSettings;

/** The renewal cycle's settings as an owner edits them; numbers are text, checked by {@link WholeNumber}. */
record RenewalSettingsForm(
        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "{consoleForm.enterHowManyDaysBeforeATermEndsItsRenewalInvoiceIsIssued}",
                notWhole = "{consoleForm.enterAWholeNumberOfDays}",
                outOfRange = "{consoleForm.enter1To365Days}")
        String renewalInvoiceDays,

        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "{consoleForm.enterHowManyDaysAfterItsDueDateAnUnpaidInvoiceIsReminded}",
                notWhole = "{consoleForm.enterAWholeNumberOfDays}",
                outOfRange = "{consoleForm.enter1To365Days}")
        String overdueReminderDays,

        // A box left unticked sends nothing: null, as a primitive would refuse the whole form.
        Boolean overduePause,

        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "{consoleForm.enterHowManyDaysAfterItsDueDateAnUnpaidRenewalInvoicePausesItsLicence}",
                notWhole = "{consoleForm.enterAWholeNumberOfDays}",
                outOfRange = "{consoleForm.enter1To365Days}")
        String overduePauseDays) {

    static RenewalSettingsForm of(RenewalSettings settings) {
        return new RenewalSettingsForm(
                String.valueOf(settings.renewalInvoiceDays()),
                String.valueOf(settings.overdueReminderDays()),
                settings.overduePause(),
                String.valueOf(settings.overduePauseDays()));
    }

    /** The settings; call only on a form without errors. */
    RenewalSettings toSettings() {
        return new RenewalSettings(
                WholeNumber.Validator.parse(renewalInvoiceDays),
                WholeNumber.Validator.parse(overdueReminderDays),
                Boolean.TRUE.equals(overduePause),
                WholeNumber.Validator.parse(overduePauseDays));
    }
}
