package io.licencedesk.accounts;

import io.licencedesk.shared.Language;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * What an owner can change about their organisation. {@code language} is what its people who chose none are written
 * to in (decision 0172); null when saving keeps it as it is.
 */
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
        int expiringSoonDays,
        Language language) {

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
                organisation.expiringSoonDays(),
                organisation.language());
    }
}
