package io.licencedesk.licence;

import io.licencedesk.accounts.PricedRecords;
import org.springframework.stereotype.Component;

/** Licences are priced in their organisation's currency, so it is fixed once there is one (decision 0029). */
@Component
class LicencePricedRecords implements PricedRecords {

    private final LicenceRepository licences;

    LicencePricedRecords(LicenceRepository licences) {
        this.licences = licences;
    }

    @Override
    public boolean existFor(long organisationId) {
        return licences.anyFor(organisationId);
    }
}
