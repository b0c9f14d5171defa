package io.licencedesk.webhooks;

import io.licencedesk.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What went wrong with a delivery, as a reason a page words in its reader's language. An attempt's error is stored as
 * English text (the server's log says the same); the ones LicenceDesk writes itself (an answer that is not 2xx, a
 * redirect, no answer in time, no connection, an address refused) are recognised here, those of rows written before
 * too. Anything else, such as an exception's own message, has no reason and is shown as stored.
 */
@Component
class DeliveryErrors {

    private static final Pattern ANSWERED = Pattern.compile("Answered (\\d{3})");
    private static final Pattern REDIRECT =
            Pattern.compile("Answered (\\d{3}) \\(a redirect, which webhooks do not follow\\)");
    private static final Pattern TIMEOUT = Pattern.compile("No answer within (\\d+) s");
    private static final Pattern NO_CONNECTION =
            Pattern.compile("(?:ConnectException|HttpConnectTimeoutException)\\b.*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** The address refusals the dispatcher stores, in English, when it checks an address again before an attempt. */
    private static final List<String> ADDRESS_REASONS = List.of(
            "reason.webhook.privateAddress",
            "reason.webhook.privateAddressTyped",
            "reason.webhook.hostUnknown",
            "reason.webhook.httpsRequired",
            "reason.webhook.urlInvalid",
            "reason.webhook.urlCredentials");

    private final List<AddressReason> addressReasons = new ArrayList<>();

    DeliveryErrors(MessageSource messages) {
        for (String code : ADDRESS_REASONS) {
            addressReasons.add(AddressReason.of(code, messages.getMessage(code, null, Locale.ENGLISH)));
        }
    }

    static String answered(int code) {
        return code >= 300 && code < 400
                ? "Answered " + code + " (a redirect, which webhooks do not follow)"
                : "Answered " + code;
    }

    static String noAnswerWithin(long seconds) {
        return "No answer within " + seconds + " s";
    }

    /** The reason of a stored error, or null when it is not one LicenceDesk words. */
    Reason reasonOf(String error) {
        if (error == null) {
            return null;
        }
        Matcher matched;
        if ((matched = REDIRECT.matcher(error)).matches()) {
            return Reason.of("reason.webhook.delivery.redirect", Integer.parseInt(matched.group(1)));
        }
        if ((matched = ANSWERED.matcher(error)).matches()) {
            return Reason.of("reason.webhook.delivery.answered", Integer.parseInt(matched.group(1)));
        }
        if ((matched = TIMEOUT.matcher(error)).matches()) {
            return Reason.of("reason.webhook.delivery.timeout", Long.parseLong(matched.group(1)));
        }
        if (NO_CONNECTION.matcher(error).matches()) {
            return Reason.of("reason.webhook.delivery.noConnection");
        }
        for (AddressReason address : addressReasons) {
            Reason reason = address.reasonOf(error);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** An English message read back: its text with each argument a group, in the order the arguments appear. */
    private record AddressReason(String code, Pattern pattern, List<Integer> arguments) {

        static AddressReason of(String code, String english) {
            var regex = new StringBuilder();
            var arguments = new ArrayList<Integer>();
            Matcher placeholder = PLACEHOLDER.matcher(english);
            int from = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(english.substring(from, placeholder.start())))
                        .append("(.+?)");
                arguments.add(Integer.parseInt(placeholder.group(1)));
                from = placeholder.end();
            }
            regex.append(Pattern.quote(english.substring(from)));
            return new AddressReason(code, Pattern.compile(regex.toString()), arguments);
        }

        Reason reasonOf(String error) {
            Matcher matched = pattern.matcher(error);
            if (!matched.matches()) {
                return null;
            }
            Object[] values = new Object[arguments.size()];
            for (int group = 0; group < arguments.size(); group++) {
                values[arguments.get(group)] = matched.group(group + 1);
            }
            return Reason.of(code, values);
        }
    }
}
