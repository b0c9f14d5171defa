package io.licencedesk.web;

import io.licencedesk.accounts.ApiAccess;
import io.licencedesk.accounts.NewApiToken;
import io.licencedesk.shared.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Making an API token, in the console or the portal: a name to tell it apart, read only or read and write, and an
 * optional last day. Access and day are text, so that an unknown access or a date that is none is one more error
 * beside its field rather than a form Spring cannot build. That the day is after today is for accounts to say.
 */
public record ApiTokenForm(
        @NotBlank(message = "{apiTokens.name.required}")
        @Size(max = 100, message = "{apiTokens.name.tooLong}")
        @PlainText
        String name,

        @NotBlank(message = "{apiTokens.access.choose}")
        @Pattern(regexp = "READ_ONLY|READ_WRITE", message = "{apiTokens.access.choose}")
        String access,

        @IsoDateOrNone(message = "{apiTokens.expiresOn.notADate}")
        String expiresOn) {

    /** A new token reads only, until the person chooses otherwise. */
    static ApiTokenForm empty() {
        return new ApiTokenForm(null, ApiAccess.READ_ONLY.name(), null);
    }

    NewApiToken toNewApiToken() {
        return new NewApiToken(name, ApiAccess.valueOf(access), IsoDateOrNone.Validator.parseOrNull(expiresOn));
    }
}
