package io.licencedesk.accounts;

/**
 * The longest client details kept, in characters (the columns of {@code app_user} are as long). The console's client
 * form, the portal's profile and the REST API's client bodies all refuse beyond them, and their text boxes stop
 * there; one place, so that no door keeps a text another refuses. Each door's messages state the number:
 * {@code SizeMessagesTests} fails when a message and its limit part.
 */
public final class ClientLimits {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int COMPANY_MAX = 200;
    public static final int BILLING_ADDRESS_MAX = 1000;
    public static final int VAT_NUMBER_MAX = 40;

    private ClientLimits() {}
}
