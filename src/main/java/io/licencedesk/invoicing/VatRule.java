package io.licencedesk.invoicing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an invoice charges VAT or carries the reverse charge (decision 0052): a business sale between two EU
 * countries, the buyer having given their VAT number, is invoiced without VAT, the buyer accounting for it (EU VAT
 * Directive, article 196). Each party's country is read from the prefix of its VAT number. A business sale by an EU
 * seller to a buyer whose VAT number is another country's (GB123…, CHE-123…, NO123…) is outside the scope of EU VAT (article 44:
 * the service is supplied where the buyer is established) and is invoiced without VAT too (decision 0175). Every other
 * sale charges the seller's rate: a buyer without a VAT number may be a consumer, and a number without a country
 * prefix says nothing of where its holder is.
 */
final class VatRule {

    /** The EU member states by their VAT number prefix (Greece is EL; a number written with its ISO code GR is read as EL). */
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
     * A VAT number of a country outside the EU: the ISO code of a country that is not a member state (or XI, Northern
     * Ireland, UK for services; UK as people write GB; CHE, Switzerland) followed at once by a digit. Not two letters alone: a field that reads
     * "TVA FR…", "VAT FR…", "none" or "pending" starts with Tuvalu's, the Vatican's, Norway's and Peru's codes, and
     * such a buyer must pay the seller's rate, not be told that they are outside the EU (review of decision 0175).
     */
    private static final Pattern OUTSIDE_EU_NUMBER = Pattern.compile("(CHE|[A-Z]{2})[0-9].*");

    private static final Set<String> OUTSIDE_EU_COUNTRIES = outsideEuCountries();

    private static Set<String> outsideEuCountries() {
        Set<String> countries = new HashSet<>(Set.of(Locale.getISOCountries()));
        countries.removeAll(EU);
        countries.remove("GR"); // Greece, whose VAT prefix is EL
        countries.add("XI"); // Northern Ireland: the United Kingdom, for services
        countries.add("UK"); // no ISO code, but how many write a British number
        countries.add("CHE");
        return Set.copyOf(countries);
    }

    /**
     * Whether the seller, VAT-registered in the EU, sells to a business established outside it: the buyer's VAT number
     * is a non-member country's, its code followed by digits.
     */
    static boolean outsideEu(String sellerVatNumber, String buyerVatNumber) {
        Matcher buyer = OUTSIDE_EU_NUMBER.matcher(compact(buyerVatNumber));
        return euCountry(sellerVatNumber) != null && buyer.matches() && OUTSIDE_EU_COUNTRIES.contains(buyer.group(1));
    }

    private static String compact(String vatNumber) {
        return vatNumber == null
                ? ""
                : vatNumber.replaceAll("[\\s\\p{Z}.-]", "").toUpperCase(Locale.ROOT);
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
