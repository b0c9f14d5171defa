package io.licencedesk.licence;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a licence: who did it, when, and its recorded state before and after (null
 * before a creation and after a deletion). Published inside the changing transaction, one type per kind of
 * change. A change made by a screen through the device API has no actor (null id and e-mail).
 */
public sealed interface LicenceEvent
        permits LicenceCreated,
                LicencePaused,
                LicenceResumed,
                LicenceDeleted,
                LicenceRedeemed,
                LicenceActivated,
                LicenceActivatedByScreen,
                LicenceInvoiced,
                LicencePaid,
                LicencePaymentRemoved,
                LicenceInvoiceVoided,
                LicenceEdited,
                LicenceRenewed {

    long organisationId();

    long licenceId();

    Long actorId();

    String actorEmail();

    Instant occurredAt();

    Map<String, Object> before();

    Map<String, Object> after();
}
