package io.licencedesk.accounts;

import io.licencedesk.shared.Language;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each person reads LicenceDesk in (decision 0053). Pages follow the signed-in person's choice, else
 * their browser's; what is sent to a client (e-mails, invoices) follows the client's choice, else the organisation's
 * language (decision 0172).
 */
@Service
@Transactional
public class UserLanguages {

    private final AccountRepository accounts;

    UserLanguages(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The caller's own choice, or none. */
    @Transactional(readOnly = true)
    public Optional<Language> chosen(Caller caller) {
        return accounts.findLanguage(caller.userId()).flatMap(Language::ofCode);
    }

    /** The caller chooses a language, or none (their browser's then decides). */
    public void choose(Caller caller, Language language) {
        accounts.updateLanguage(caller.userId(), language == null ? null : language.code());
    }

    /** The locale to write in to the organisation's people who chose no language (decision 0172). */
    @Transactional(readOnly = true)
    public Locale forOrganisation(long organisationId) {
        return accounts.findOrganisationLanguage(organisationId).locale();
    }

    /**
     * The locale to write to a client of the organisation in: their choice, else the organisation's language (English
     * unless an owner chose French under Settings, decision 0172).
     */
    @Transactional(readOnly = true)
    public Locale forClient(long organisationId, long clientId) {
        return accounts.findClientLanguage(organisationId, clientId)
                .flatMap(Language::ofCode)
                .orElseGet(() -> accounts.findOrganisationLanguage(organisationId))
                .locale();
    }
}
