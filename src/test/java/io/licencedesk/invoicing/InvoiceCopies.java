package io.licencedesk.invoicing;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many invoices for a list test, quickly: copies of one issued invoice in its organisation, numbered apart, counting
 * for no term (as the invoice benchmark's noise), each with a licence name of its own.
 */
public final class InvoiceCopies {

    private InvoiceCopies() {}

    /** Adds {@code count} copies of the invoice, whose licences are named {@code licenceName} and their index. */
    public static void add(JdbcClient jdbc, Invoice invoice, int count, String licenceName) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into invoice (organisation_id, number, licence_id, term_number, billed_term,
                                                 client_id, status, issued_on, due_on, term_start, term_end, term_label,
                                                 seller_name, seller_address, seller_email, buyer_name, buyer_company,
                                                 buyer_email, buyer_address, buyer_vat_number, licence_name,
                                                 coupon_code, plan_name, quantity, unit_price_minor, subtotal_minor,
                                                 vat_rate, vat_minor, total_minor, currency, created_at,
                                                 seller_vat_number, seller_registration, payment_iban, payment_bic,
                                                 payment_instructions, payment_link, reverse_charge)
                            select organisation_id, :number, licence_id, term_number, null,
                                   client_id, status, issued_on, due_on, term_start, term_end, term_label,
                                   seller_name, seller_address, seller_email, buyer_name, buyer_company,
                                   buyer_email, buyer_address, buyer_vat_number, :licenceName,
                                   coupon_code, plan_name, quantity, unit_price_minor, subtotal_minor,
                                   vat_rate, vat_minor, total_minor, currency, created_at,
                                   seller_vat_number, seller_registration, payment_iban, payment_bic,
                                   payment_instructions, payment_link, reverse_charge
                            from invoice where id = :id
                            """)
                    .param("number", "COPY-" + licenceName.replace(' ', '-') + "-" + i)
                    .param("licenceName", licenceName + " " + i)
                    .param("id", invoice.id())
                    .update();
        }
    }
}
