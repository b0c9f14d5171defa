package io.licencedesk.devices;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.ControlCharacters;
import io.licencedesk.shared.Reason;

/**
 * What a device sends with an activation or a check-in: who it is and a fresh nonce for the answer. Checked
 * here rather than by Bean Validation: it is the hot path.
 */
record DeviceQuestion(String fingerprint, String nonce) {

    static final int MAX_LENGTH = 200;

    /** Refuses a missing or malformed fingerprint, and a malformed nonce (or a missing one when required). */
    static DeviceQuestion checked(String fingerprint, String nonce, boolean nonceRequired) {
        checkField("fingerprint", fingerprint, true);
        checkField("nonce", nonce, nonceRequired);
        return new DeviceQuestion(fingerprint, nonce);
    }

    private static void checkField(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidDeviceRequestException(field, Reason.of("reason.device.fieldMissing", field));
            }
            return;
        }
        if (value.isBlank()) {
            // "   " has 3 characters: being told it must have 1 to 200 left its sender looking for what to shorten
            throw new InvalidDeviceRequestException(field, Reason.of("reason.device.fieldMissing", field));
        }
        if (Characters.moreThan(value, MAX_LENGTH)) {
            throw new InvalidDeviceRequestException(field, Reason.of("reason.device.fieldLength", field, MAX_LENGTH));
        }
        // Tab and line breaks too, which other texts take; and half of a surrogate pair, which PostgreSQL would store
        // as "?" (so that two devices were one), with what no other text takes either.
        if (ControlCharacters.in(value) || hasIsoControl(value)) {
            throw new InvalidDeviceRequestException(field, Reason.of("reason.device.fieldHasControlCharacters", field));
        }
    }

    private static boolean hasIsoControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
