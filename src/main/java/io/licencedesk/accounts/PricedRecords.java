package io.licencedesk.accounts;

/**
 * Another module's records whose amounts are in the organisation's currency (licences, invoices). Once any exist,
 * the currency cannot change: their amounts would be relabelled, not converted (decision 0029). Implemented by
 * the modules that keep such records, so that accounts need not know them.
 */
public interface PricedRecords {

    /** Whether the organisation has at least one such record. */
    boolean existFor(long organisationId);
}
