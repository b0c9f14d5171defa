package io.licencedesk.mail;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Where the password link of an account e-mail goes when no SMTP server is configured. Staff never read
 * it in the Outbox page (a manager could take over the owner's account with a reset link), so on the
 * embedded demo it is written to the server's log, for the person who started the demo; elsewhere it is
 * only wiped (decision 0032).
 */
@Component
class KeptAccountEmails {

    private final ObjectProvider<JavaMailSender> senders;
    private final boolean logged;

    /**
     * @param logKeptAccountEmails "auto" (on the embedded H2 database only), "true" or "false"
     */
    KeptAccountEmails(
            ObjectProvider<JavaMailSender> senders,
            DataSource dataSource,
            @Value("${licencedesk.mail.log-kept-account-emails:auto}") String logKeptAccountEmails)
            throws MetaDataAccessException {
        this.senders = senders;
        this.logged = logKeptAccountEmails.equals("auto")
                ? JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                        .equals("H2")
                : Boolean.parseBoolean(logKeptAccountEmails);
    }

    /** Whether a kept account e-mail's text is written to the log. */
    boolean logged() {
        return logged;
    }

    /** Whether people following an account e-mail should look in the server's log: no SMTP server, and logged. */
    boolean linksGoToTheLog() {
        return logged && senders.getIfAvailable() == null;
    }
}
