package io.licencedesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a batch of invoices sent across a node's crash must leave behind, checked alike by the crash test of one node
 * and by the two-node test: every invoice e-mailed, at most one of them (the one in flight at the kill) twice.
 */
public final class InvoiceDeliveries {

    private static final Pattern INVOICE_SUBJECT = Pattern.compile("Invoice (\\S+) from ");

    private InvoiceDeliveries() {}

    /** How many times each invoice number was e-mailed, read from the subjects; other e-mails are left out. */
    public static Map<String, Long> byNumber(MimeMessage[] messages) throws MessagingException {
        Map<String, Long> deliveries = new TreeMap<>();
        for (MimeMessage message : messages) {
            Matcher subject = INVOICE_SUBJECT.matcher(message.getSubject());
            if (subject.find()) {
                deliveries.merge(subject.group(1), 1L, Long::sum);
            }
        }
        return deliveries;
    }

    /**
     * Every invoice of {@code numbers} e-mailed, and at most one of them twice; deliveries of other invoices are not
     * looked at. Answers the duplicates, for the test's log.
     */
    public static Map<String, Long> assertEveryOneDeliveredAtMostOneTwice(
            Map<String, Long> deliveries, Collection<String> numbers) {
        Map<String, Long> ofTheBatch = deliveries.entrySet().stream()
                .filter(delivery -> numbers.contains(delivery.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
        Map<String, Long> duplicated = ofTheBatch.entrySet().stream()
                .filter(delivery -> delivery.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
        assertThat(ofTheBatch.keySet()).as("every invoice e-mailed").containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(duplicated)
                .as("at most one invoice (the one in flight at the kill) e-mailed twice")
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy((number, count) -> assertThat(count).isEqualTo(2));
        return duplicated;
    }

    /** Once the request sending the batch has answered, it must have been taken (to /invoices), not refused. */
    public static void failIfRefused(CompletableFuture<HttpResponse<String>> sending) {
        if (sending.isDone() && !sending.isCompletedExceptionally()) {
            HttpResponse<String> response = sending.join();
            assertThat(response.statusCode()).as("send response").isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as("redirect after sending (to /licences when refused)")
                    .endsWith("/invoices");
        }
    }
}
