package io.licencedesk.invoicing;

import java.util.Locale;
import java.util.Set;

/**
 * Whether an invoice charges VAT or carries the reverse charge (decision 0052): a business sale between two EU
 * countries, the buyer having given their VAT number, is invoiced without VAT, the buyer accounting for it (EU VAT
 * Directive, article 196). Each party's country is read from the prefix of its VAT number. Every other sale charges
 * the seller's rate.
 */
final class VatRule {

    /** The EU member states by their VAT number prefix (Greece is EL, not GR). */
    private static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private VatRule() {}

    static boolean reverseCharged(String sellerVatNumber, String buyerVatNumber) {
        String seller = euCountry(sellerVatNumber);
        String buyer = euCountry(buyerVatNumber);
        return seller != null && buyer != null && !seller.equals(buyer);
    }

    /** The EU country a VAT number belongs to, or null when it is none (or no VAT number). */
    static String euCountry(String vatNumber) {
        if (vatNumber == null) {
            return null;
        }
        String compact = vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 4) {
            return null;
        }
        String prefix = compact.substring(0, 2);
        return EU.contains(prefix) ? prefix : null;
    }
}
