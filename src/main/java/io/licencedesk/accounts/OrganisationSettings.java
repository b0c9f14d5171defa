package io.licencedesk.accounts;

import java.math.BigDecimal;
import java.util.Currency;

/** What an owner can change about their organisation. */
public record OrganisationSettings(
        String name,
        String legalName,
        String address,
        Currency currency,
        BigDecimal vatRate,
        String invoicePrefix,
        int paymentTermsDays,
        String senderName,
        String senderEmail,
        int expiringSoonDays) {

    public static OrganisationSettings of(Organisation organisation) {
        return new OrganisationSettings(
                organisation.name(),
                organisation.legalName(),
                organisation.address(),
                organisation.currency(),
                organisation.vatRate(),
                organisation.invoicePrefix(),
                organisation.paymentTermsDays(),
                organisation.senderName(),
                organisation.senderEmail(),
                organisation.expiringSoonDays());
    }
}
