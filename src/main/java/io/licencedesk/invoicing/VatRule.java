package io.licencedesk.invoicing;

import java.util.Locale;
import java.util.Set;

/**
 * Whether an invoice charges VAT or carries the reverse charge (decision 0052): a business sale between two EU
 * countries, the buyer having given their VAT number, is invoiced without VAT, the buyer accounting for it (EU VAT
 * Directive, article 196). Each party's country is read from the prefix of its VAT number. A business sale by an EU
 * seller to a buyer whose VAT number is another country's (GB, CHE, NO…) is outside the scope of EU VAT (article 44:
 * the service is supplied where the buyer is established) and is invoiced without VAT too (decision 0175). Every other
 * sale charges the seller's rate: a buyer without a VAT number may be a consumer, and a number without a country
 * prefix says nothing of where its holder is.
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

    /**
     * Whether the seller, VAT-registered in the EU, sells to a business established outside it: the buyer's VAT number
     * starts with a country's two letters that are not an EU member state's.
     */
    static boolean outsideEu(String sellerVatNumber, String buyerVatNumber) {
        String buyer = compact(buyerVatNumber);
        return euCountry(sellerVatNumber) != null
                && buyer.matches("[A-Z]{2}.{2,}")
                && euCountry(buyerVatNumber) == null;
    }

    private static String compact(String vatNumber) {
        return vatNumber == null ? "" : vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    /** The EU country a VAT number belongs to, or null when it is none (or no VAT number). */
    static String euCountry(String vatNumber) {
        String compact = compact(vatNumber);
        if (compact.length() < 4) {
            return null;
        }
        String prefix = compact.substring(0, 2);
        if (prefix.equals("GR")) {
            // Greece's ISO code, which people write for its VAT prefix EL: a Greek business is not outside the EU
            return "EL";
        }
        return EU.contains(prefix) ? prefix : null;
    }
}
