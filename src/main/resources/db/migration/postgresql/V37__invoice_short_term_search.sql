-- A search term of one or two characters has no trigram, so the invoice list's search (V36) read the whole trigram
-- index and then every invoice of the organisation for it: 3-4 s at 525,000 invoices, for the count and again for the
-- totals. This index holds every character and pair of adjacent characters of the same text, as for licences (V10)
-- and clients (V27): "contains ab" is exactly "its pairs include ab". See docs/decisions/0145-invoices-at-size.md.
-- The expression must stay identical to InvoiceRepository.SHORT_GRAMS. Building it over 574,498 invoices took about
-- 130 s on a loaded 2-core machine (the function runs regular expressions per row); it blocks writes to invoice
-- meanwhile.
create index invoice_short_grams_idx on invoice
    using gin (licence_short_grams(lower(number || ' ' || buyer_name || ' ' || coalesce(buyer_company, '') || ' '
                                         || buyer_email || ' ' || licence_name || ' ' || coupon_code || ' '
                                         || coalesce(payment_reference, ''))));
