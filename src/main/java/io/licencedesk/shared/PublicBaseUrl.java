package io.licencedesk.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address people reach LicenceDesk at ({@code licencedesk.base-url}, LICENCEDESK_BASE_URL), which e-mailed links
 * start with. A value that cannot start a working link (no http or https scheme, no host, a query) stops the start
 * naming the setting: given as {@code licences.example.com}, every invitation and reset link was broken without a
 * word.
 */
public final class PublicBaseUrl {

    static final String SETTING = "LICENCEDESK_BASE_URL";

    private PublicBaseUrl() {}

    /** The address without trailing slashes, ready for {@code + "/path"}. */
    public static String parse(String setting) {
        String address = setting == null ? "" : setting.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException notAnAddress) {
            throw refused(setting);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw refused(setting);
        }
        return address;
    }

    private static SettingRefusedException refused(String setting) {
        return new SettingRefusedException(SETTING + " '" + setting + "' is not an http or https address: set it to"
                + " the address people reach LicenceDesk at, e.g. https://licences.example.com (the links in"
                + " invitation and password-reset e-mails start with it).");
    }
}
