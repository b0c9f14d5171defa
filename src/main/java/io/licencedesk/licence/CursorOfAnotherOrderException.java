package io.licencedesk.licence;

import io.licencedesk.shared.Reason;

/**
 * A cursor of the main list sent with another sort or direction than the one it was made in: refused rather than
 * read as a place in an order it does not belong to (decision 0096). Its {@link #field()} is "cursor", as any bad
 * page link's is; {@link #sort()} and {@link #ascending()} say the order it belongs to, so that the answer can name it.
 */
public class CursorOfAnotherOrderException extends InvalidLicenceException {

    private final LicenceSort sort;
    private final boolean ascending;

    CursorOfAnotherOrderException(LicenceSort sort, boolean ascending) {
        super("cursor", Reason.of("reason.licence.pageLinkOfAnotherOrder"));
        this.sort = sort;
        this.ascending = ascending;
    }

    public LicenceSort sort() {
        return sort;
    }

    public boolean ascending() {
        return ascending;
    }
}
