package io.licencedesk.accounts;

import io.licencedesk.accounts.AccountMessages.Recipient;
import io.licencedesk.accounts.PasswordLinkRepository.UsableLink;
import io.licencedesk.shared.AttemptLimits;
import io.licencedesk.shared.AttemptLimits.Limit;
import io.licencedesk.shared.Language;
import io.licencedesk.shared.PublicBaseUrl;
import io.licencedesk.shared.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: invitations, resets through a single-use link e-mailed to the person, and changes by a
 * signed-in user. Links work once, for {@link #LINK_VALIDITY}; a new link voids the earlier ones.
 */
@Service
@Transactional
public class PasswordManagement {

    /** How long a set-password link works (see docs/decisions/0014). */
    public static final Duration LINK_VALIDITY = Duration.ofHours(72);

    /**
     * At most one reset e-mail per user a minute: anyone may ask for one for any address, and must not be
     * able to flood an inbox (or keep replacing the link the person is about to open). Counted in the
     * database, atomically, so two requests at once or on two nodes send one e-mail.
     */
    static final Limit RESETS = new Limit("password-reset", 1, Duration.ofMinutes(1));

    /**
     * At most five reset e-mails a day to one person who asks (or whom anyone asks for) on "Forgot your password?",
     * one back every 4.8 hours, as for invitations (decision 0084): one a minute alone let 1,440 through a day. A
     * request past it does nothing and the page answers the same, so it tells nothing about the address.
     */
    static final Limit RESETS_A_DAY = new Limit("password-reset-day", 5, Duration.ofDays(1));

    /**
     * Wrong current passwords given to change a password, per person: ten an hour, one back every six minutes. The
     * current password is asked so that whoever holds a session (a computer left signed in, a stolen cookie) cannot
     * take the account over; without a limit they could guess it there at the server's pace, past the sign-in page's
     * limits (decision 0123). Counted in the database, like the sign-in limits.
     */
    static final Limit CURRENT_PASSWORD_GUESSES = new Limit("current-password", 10, Duration.ofHours(1));

    private final AccountRepository accounts;
    private final PasswordLinkRepository links;
    private final AccountMailer mailer;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AttemptLimits limits;
    private final Clock clock;
    private final String baseUrl;

    private final MessageSource messages;

    PasswordManagement(
            AccountRepository accounts,
            PasswordLinkRepository links,
            AccountMailer mailer,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            AttemptLimits limits,
            Clock clock,
            MessageSource messages,
            @Value("${licencedesk.base-url}") String baseUrl) {
        this.messages = messages;
        this.accounts = accounts;
        this.links = links;
        this.mailer = mailer;
        this.passwords = passwords;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
        this.baseUrl = PublicBaseUrl.parse(baseUrl);
    }

    /**
     * Staff e-mail one of their organisation's clients a link to choose a password (again, if sent
     * before). A client who has a password already is refused: the invitation's words would be wrong,
     * and only the client should start a reset; so is one whose access is disabled (the link would not open), and
     * one sent a link in the last minute, or the day's invitations ({@link InvitationLimits}, a
     * {@link PeopleRefusedException}).
     */
    public void invite(Caller caller, long clientId) {
        if (!caller.isStaff()) {
            throw new AccessDeniedException("Only staff may invite clients");
        }
        Client client = accounts.findClient(caller.organisationId(), clientId)
                .orElseThrow(() -> new ClientNotFoundException(clientId));
        var user = accounts.findUserByEmail(client.email());
        if (user.filter(found -> !found.enabled()).isPresent()) {
            throw new ClientAccessDisabledException(client.email());
        }
        if (user.filter(found -> found.passwordHash() != null).isPresent()) {
            throw new ClientAlreadyActiveException(client.email());
        }
        InvitationLimits.take(limits, client.id());
        Organisation organisation =
                accounts.findOrganisation(caller.organisationId()).orElseThrow();
        Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
        String link = issueLink(client.id(), LinkPurpose.INVITATION, expiresAt);
        mailer.queue(AccountMessages.invitation(
                messages,
                sentLinkLanguage(client.id()),
                organisation,
                new Recipient(client.id(), client.name(), client.email()),
                link,
                expiresAt));
        events.publishEvent(new ClientInvited(caller, client, clock.instant()));
    }

    /**
     * "Forgot your password?": e-mails a reset link if this address belongs to a user who may sign in
     * and was not sent one in the last minute nor five in the last day ({@link #RESETS_A_DAY}), and does nothing
     * otherwise. It returns nothing either
     * way, so the caller cannot tell which.
     */
    public void requestReset(String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        accounts.findUserByEmail(AccountManagement.normaliseEmail(email))
                .filter(AccountRepository.StoredUser::enabled)
                .filter(user -> mayBeSentAReset(user.caller().userId()))
                .ifPresent(this::mailReset);
    }

    /**
     * Someone invited who never chose a password has nothing to reset: "reset your password" puzzled them, so their
     * e-mail asks them to choose one, as their invitation did, and the link is their invitation (decision 0132).
     */
    private void mailReset(AccountRepository.StoredUser user) {
        Caller who = user.caller();
        Organisation organisation =
                accounts.findOrganisation(who.organisationId()).orElseThrow();
        Instant expiresAt = clock.instant().plus(LINK_VALIDITY);
        boolean firstPassword = user.passwordHash() == null;
        String link = issueLink(who.userId(), firstPassword ? LinkPurpose.INVITATION : LinkPurpose.RESET, expiresAt);
        Locale language = choiceElseRequest(Optional.ofNullable(user.language()));
        var to = new Recipient(who.userId(), who.name(), who.email());
        mailer.queue(
                firstPassword
                        ? AccountMessages.firstPassword(messages, language, organisation, to, link, expiresAt)
                        : AccountMessages.reset(messages, language, organisation, to, link, expiresAt));
    }

    /**
     * Counts a reset e-mail to this person, or says no: the day's limit is asked first without counting, so that a
     * refusal for the day uses none of the minute's, and the minute's before the day's is counted.
     */
    private boolean mayBeSentAReset(long userId) {
        String key = Long.toString(userId);
        return limits.waitFor(RESETS_A_DAY, key).isEmpty()
                && limits.take(RESETS, key).isEmpty()
                && limits.take(RESETS_A_DAY, key).isEmpty();
    }

    /**
     * The language of a password link sent to this user by someone else, an invitation (decision 0062) or a reset
     * sent by staff (decision 0102): the user's choice when they made one, else their organisation's language
     * (decision 0172). The page the sender works in said which language the sender reads, not the recipient: a
     * French reseller's manager browsing in English invited French clients in English.
     */
    Locale sentLinkLanguage(long userId) {
        return accounts.findLanguageElseOrganisations(userId)
                .flatMap(Language::ofCode)
                .orElse(Language.DEFAULT)
                .locale();
    }

    /**
     * A person's choice of language, else the language of the request being answered (the "Forgot your password?" page
     * the person read, in their browser's language), else English; links sent by someone else follow the organisation's
     * language instead (decision 0172). A reset link
     * asked for on a French page came in English to everyone who had not chosen a language.
     */
    private static Locale choiceElseRequest(Optional<String> choice) {
        LocaleContext request = LocaleContextHolder.getLocaleContext();
        Language fallback = Optional.ofNullable(request)
                .map(LocaleContext::getLocale)
                .flatMap(Language::of)
                .orElse(Language.DEFAULT);
        return choice.flatMap(Language::ofCode).orElse(fallback).locale();
    }

    /** Whether a link from an e-mail can still be used (to show the form, or the "expired" page at once). */
    @Transactional(readOnly = true)
    public boolean linkWorks(String token) {
        return usable(token) != null;
    }

    /** The e-mail address whose password a working link sets, to show on its page; empty when it does not work. */
    @Transactional(readOnly = true)
    public Optional<String> linkEmail(String token) {
        return Optional.ofNullable(usable(token)).map(UsableLink::email);
    }

    /**
     * Whether a working link sets its person's first password (an invitation, or a link asked for on "Forgot your
     * password?" by someone who never chose one): its page then says so, rather than speak of a new password.
     */
    @Transactional(readOnly = true)
    public boolean linkSetsAFirstPassword(String token) {
        UsableLink link = usable(token);
        return link != null && link.firstPassword();
    }

    /**
     * Why the user of this e-mail address may not choose this password, empty when they may: for a form that names
     * it before asking the password again, so that a refused password is not refused a second time once typed twice
     * alike. {@link #setPassword} and {@link #changePassword} check it again.
     */
    public Optional<Reason> passwordProblem(String password, String email) {
        return PasswordPolicy.problemWith(password, email);
    }

    /**
     * Sets the password of the link's user and uses the link up.
     *
     * @throws PasswordLinkInvalidException when the link is unknown, expired or used (nothing changes)
     * @throws PasswordRefusedException when the password breaks the policy (the link still works)
     */
    public void setPassword(String token, String newPassword) {
        UsableLink link = usable(token);
        if (link == null) {
            throw new PasswordLinkInvalidException();
        }
        PasswordPolicy.check(newPassword, link.email());
        if (!links.use(link.id(), clock.instant())) {
            throw new PasswordLinkInvalidException();
        }
        accounts.updatePasswordHash(link.userId(), passwords.encode(newPassword));
        links.voidUnused(link.userId());
        Caller user = accounts.findUserByEmail(link.email()).orElseThrow().caller();
        // What happened is read from the account, not from the e-mail that carried the link: a first password chosen
        // through "Forgot your password?" is the invitation accepted, not a reset (decision 0132).
        PasswordChanged.How how = link.firstPassword() ? PasswordChanged.How.INVITATION : PasswordChanged.How.RESET;
        events.publishEvent(new PasswordChanged(
                link.userId(), link.email(), user.organisationId(), user.role(), how, clock.instant()));
    }

    /**
     * A signed-in user changes their password, giving the current one.
     *
     * @throws WrongPasswordException when the current password is not theirs (counted)
     * @throws CurrentPasswordLimitedException after too many wrong current passwords (nothing checked)
     * @throws PasswordRefusedException when the new one breaks the policy
     */
    @Transactional(noRollbackFor = WrongPasswordException.class)
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        String guesser = Long.toString(caller.userId());
        var wait = limits.waitFor(CURRENT_PASSWORD_GUESSES, guesser);
        if (wait.isPresent()) {
            throw new CurrentPasswordLimitedException(wait.getAsLong());
        }
        String hash = accounts.findPasswordHash(caller.userId()).orElse(null);
        if (hash == null || currentPassword == null || !matches(currentPassword, hash)) {
            limits.take(CURRENT_PASSWORD_GUESSES, guesser);
            throw new WrongPasswordException();
        }
        PasswordPolicy.check(newPassword, caller.email());
        accounts.updatePasswordHash(caller.userId(), passwords.encode(newPassword));
        links.voidUnused(caller.userId());
        events.publishEvent(new PasswordChanged(
                caller.userId(),
                caller.email(),
                caller.organisationId(),
                caller.role(),
                PasswordChanged.How.CHANGE,
                clock.instant()));
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException longerThanBcryptReads) {
            return false;
        }
    }

    private UsableLink usable(String token) {
        return PasswordTokens.hash(token)
                .flatMap(hash -> links.findUsable(hash, clock.instant()))
                .orElse(null);
    }

    String issueLink(long userId, LinkPurpose purpose, Instant expiresAt) {
        String token = PasswordTokens.newToken();
        links.replace(userId, purpose, PasswordTokens.hash(token).orElseThrow(), expiresAt, clock.instant());
        return baseUrl + "/password/set?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
