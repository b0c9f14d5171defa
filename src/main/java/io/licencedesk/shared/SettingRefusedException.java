package io.licencedesk.shared;

/**
 * A node's setting is missing or wrong, so that starting it would serve nothing useful or do harm. The message names
 * the setting as the operator gives it (an environment variable) and says what to give instead: it is reported at
 * start as it is, without a stack trace (operations' StartFailureAnalyzers).
 */
public class SettingRefusedException extends IllegalStateException {

    public SettingRefusedException(String message) {
        super(message);
    }
}
