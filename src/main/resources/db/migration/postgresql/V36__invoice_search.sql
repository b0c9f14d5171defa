-- The invoice list's keyword search looks in what the invoice recorded when issued (its number, the client's name,
-- company and e-mail, the licence's name and code, the payment reference). A trigram index answers '%word%' for a
-- term of three characters or more without reading every invoice of the organisation, as for licences (V3).
-- The expression must stay identical to InvoiceRepository.SEARCHED_TEXT.
create index invoice_search_trgm_idx on invoice
    using gin ((lower(number || ' ' || buyer_name || ' ' || coalesce(buyer_company, '') || ' ' || buyer_email || ' '
                      || licence_name || ' ' || coupon_code || ' ' || coalesce(payment_reference, ''))) gin_trgm_ops);
