package io.licencedesk.licence;

/**
 * The client typed the code of a licence that is theirs already (again, or a form sent twice). Still a code that
 * cannot be redeemed, and answered as one where the answer must not tell codes apart (the REST API); the portal
 * takes them to the licence instead. It tells them nothing new: their licences and codes are on their own list.
 */
public class CodeAlreadyYoursException extends CodeNotRedeemableException {

    private final long licenceId;
    private final String licenceName;

    CodeAlreadyYoursException(long licenceId, String licenceName) {
        this.licenceId = licenceId;
        this.licenceName = licenceName;
    }

    public long licenceId() {
        return licenceId;
    }

    public String licenceName() {
        return licenceName;
    }
}
