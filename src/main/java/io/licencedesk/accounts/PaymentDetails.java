package io.licencedesk.accounts;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.Reason;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation's payment settings: read by invoicing when it issues, changed by owners (decision 0052). */
@Service
@Transactional
public class PaymentDetails {

    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[A-Z0-9+*.]{2,12}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    /** The longest texts kept, in characters, as the form's boxes also stop at. */
    public static final int COMPANY_REGISTRATION_MAX = 100;

    public static final int INSTRUCTIONS_MAX = 1000;
    public static final int PAYMENT_LINK_MAX = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentDetails(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation's settings, for invoicing, which reads them when it issues an invoice. */
    @Transactional(readOnly = true)
    public PaymentSettings of(long organisationId) {
        return jdbc.sql("""
                        select seller_vat_number, company_registration, iban, bic, payment_instructions, payment_link
                        from organisation where id = :id
                        """)
                .param("id", organisationId)
                .query((rs, row) -> new PaymentSettings(
                        rs.getString("seller_vat_number"),
                        rs.getString("company_registration"),
                        rs.getString("iban"),
                        rs.getString("bic"),
                        rs.getString("payment_instructions"),
                        rs.getString("payment_link")))
                .single();
    }

    @Transactional(readOnly = true)
    public PaymentSettings of(Caller caller) {
        AccountManagement.requireStaff(caller);
        return of(caller.organisationId());
    }

    /**
     * Changes the settings; only owners may. Spaces are dropped from the VAT number, IBAN and BIC, and letters put
     * in capitals, as they are printed.
     *
     * @return whether anything changed: details saved as they were record nothing, and the page says so
     * @throws PaymentSettingsRefusedException naming the first field that is not acceptable (see {@link #refusals})
     */
    public boolean update(Caller caller, PaymentSettings wanted) {
        if (!caller.isOwner()) {
            throw new AccessDeniedException("Only owners may change the organisation's settings");
        }
        PaymentSettings settings = tidied(wanted);
        PaymentSettings before = of(caller.organisationId());
        jdbc.sql("""
                        update organisation
                        set seller_vat_number = :vatNumber, company_registration = :registration, iban = :iban,
                            bic = :bic, payment_instructions = :instructions, payment_link = :link
                        where id = :id
                        """)
                .param("vatNumber", settings.vatNumber())
                .param("registration", settings.companyRegistration())
                .param("iban", settings.iban())
                .param("bic", settings.bic())
                .param("instructions", settings.instructions())
                .param("link", settings.paymentLink())
                .param("id", caller.organisationId())
                .update();
        PaymentSettings after = of(caller.organisationId());
        if (after.equals(before)) {
            return false;
        }
        events.publishEvent(new PaymentSettingsChanged(caller, before, after, clock.instant()));
        return true;
    }

    /**
     * Every field's refusal at once, in the form's order, so that the page names each field that is not right
     * instead of one a submission; empty when {@link #tidied} takes the settings.
     */
    public static List<PaymentSettingsRefusedException> refusals(PaymentSettings wanted) {
        var refusals = new ArrayList<PaymentSettingsRefusedException>();
        String vatNumber = code(wanted.vatNumber());
        if (vatNumber != null && !VAT_NUMBER.matcher(vatNumber).matches()) {
            refusals.add(new PaymentSettingsRefusedException("vatNumber", Reason.of("reason.payment.vatNumber")));
        }
        refuseIfTooLong(wanted.companyRegistration(), COMPANY_REGISTRATION_MAX, "companyRegistration", refusals);
        String iban = code(wanted.iban());
        if (iban != null && !validIban(iban)) {
            refusals.add(new PaymentSettingsRefusedException("iban", Reason.of("reason.payment.iban")));
        }
        String bic = code(wanted.bic());
        if (bic != null && !BIC.matcher(bic).matches()) {
            refusals.add(new PaymentSettingsRefusedException("bic", Reason.of("reason.payment.bic")));
        } else if (bic != null && iban == null) {
            refusals.add(new PaymentSettingsRefusedException("iban", Reason.of("reason.payment.bicWithoutIban")));
        }
        refuseIfTooLong(wanted.instructions(), INSTRUCTIONS_MAX, "instructions", refusals);
        if (!refuseIfTooLong(wanted.paymentLink(), PAYMENT_LINK_MAX, "paymentLink", refusals)) {
            String link = text(wanted.paymentLink());
            if (link != null && !httpsAddress(link)) {
                refusals.add(new PaymentSettingsRefusedException("paymentLink", Reason.of("reason.payment.link")));
            }
        }
        return refusals;
    }

    /** The settings as they will be saved and printed, or the refusal of the first field that is not right. */
    public static PaymentSettings tidied(PaymentSettings wanted) {
        List<PaymentSettingsRefusedException> refusals = refusals(wanted);
        if (!refusals.isEmpty()) {
            throw refusals.get(0);
        }
        return new PaymentSettings(
                code(wanted.vatNumber()),
                text(wanted.companyRegistration()),
                code(wanted.iban()),
                code(wanted.bic()),
                text(wanted.instructions()),
                text(wanted.paymentLink()));
    }

    /**
     * An IBAN's check digits (ISO 13616): the country and check digits moved to the end, letters as numbers
     * (A = 10 … Z = 35), the whole number modulo 97 is 1.
     */
    static boolean validIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean httpsAddress(String link) {
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (Exception notAnAddress) {
            return false;
        }
    }

    private static String code(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean refuseIfTooLong(
            String value, int max, String field, List<PaymentSettingsRefusedException> refusals) {
        String stripped = text(value);
        if (stripped != null && Characters.moreThan(stripped, max)) {
            refusals.add(new PaymentSettingsRefusedException(field, Reason.of("reason.payment.tooLong", max)));
            return true;
        }
        return false;
    }
}
