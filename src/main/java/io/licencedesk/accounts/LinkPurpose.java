package io.licencedesk.accounts;

/** Why a set-password link was sent: it changes only the wording of the e-mail and the page. */
enum LinkPurpose {
    INVITATION,
    RESET
}
