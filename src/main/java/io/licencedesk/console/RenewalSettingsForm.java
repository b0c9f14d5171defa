package io.licencedesk.console;

import io.licencedesk.accounts.RenewalSettings;

/** The renewal cycle's settings as an owner edits them; numbers are text, checked by {@link WholeNumber}. */
record RenewalSettingsForm(
        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "Enter how many days before a term ends its renewal invoice is issued.",
                notWhole = "Enter a whole number of days.",
                outOfRange = "Enter 1 to 365 days.")
        String renewalInvoiceDays,

        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "Enter how many days after its due date an unpaid invoice is reminded.",
                notWhole = "Enter a whole number of days.",
                outOfRange = "Enter 1 to 365 days.")
        String overdueReminderDays,

        // A box left unticked sends nothing: null, as a primitive would refuse the whole form.
        Boolean overduePause,

        @WholeNumber(
                min = 1,
                max = RenewalSettings.MAX_DAYS,
                blank = "Enter how many days after its due date an unpaid renewal invoice pauses its licence.",
                notWhole = "Enter a whole number of days.",
                outOfRange = "Enter 1 to 365 days.")
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
