package io.licencedesk.operations;

import io.licencedesk.webhooks.WebhookFigures;
import io.licencedesk.webhooks.WebhookFigures.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webhook deliveries waiting, how long the oldest one due has waited for a dispatcher, and the deliveries given up
 * on, read from the database when Prometheus scrapes, as {@link OutboxGauges} does for e-mails: the same on every node,
 * one query per scrape (a snapshot is kept for a second), NaN when the database cannot be read (decision 0163).
 */
@Component
class WebhookGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(WebhookGauges.class);
    private static final Duration KEPT = Duration.ofSeconds(1);

    private final WebhookFigures figures;
    private final Clock clock;
    private Snapshot snapshot;
    private Instant readAt = Instant.MIN;

    WebhookGauges(WebhookFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("licencedesk.webhooks.waiting", this, gauges -> gauges.figure(Figure.WAITING))
                .description("Webhook deliveries to enabled endpoints waiting for an attempt (first or retry), or"
                        + " being sent")
                .baseUnit("deliveries")
                .register(registry);
        Gauge.builder("licencedesk.webhooks.failed", this, gauges -> gauges.figure(Figure.FAILED))
                .description("Webhook deliveries given up on after their last attempt, in the delivery log")
                .baseUnit("deliveries")
                .register(registry);
        TimeGauge.builder(
                        "licencedesk.webhooks.oldest.due.age",
                        this,
                        TimeUnit.SECONDS,
                        gauges -> gauges.figure(Figure.OLDEST_DUE_AGE))
                .description("How long the oldest webhook delivery due for an attempt has waited for it; 0 when none"
                        + " is due")
                .register(registry);
    }

    private enum Figure {
        WAITING,
        FAILED,
        OLDEST_DUE_AGE
    }

    private synchronized double figure(Figure figure) {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(readAt.plus(KEPT)) || now.isBefore(readAt)) {
            try {
                snapshot = figures.read(now);
                readAt = now;
            } catch (RuntimeException unreadable) {
                log.warn("Cannot read the webhook deliveries' figures: {}", unreadable.toString());
                snapshot = null;
                return Double.NaN;
            }
        }
        return switch (figure) {
            case WAITING -> snapshot.waiting();
            case FAILED -> snapshot.failed();
            case OLDEST_DUE_AGE ->
                snapshot.oldestDueSince() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(snapshot.oldestDueSince(), now).toMillis() / 1000.0);
        };
    }
}
