package io.licencedesk.operations;

import io.licencedesk.mail.OutboxFigures;
import io.licencedesk.mail.OutboxFigures.Snapshot;
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
 * The outbox's depth, the age of its oldest waiting message and the messages given up on, read from the database when
 * Prometheus scrapes: the figures are the same on every node. The three gauges of one scrape share one query (a
 * snapshot is kept for a second); when the database cannot be read, they are NaN rather than stale.
 */
@Component
class OutboxGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);
    private static final Duration KEPT = Duration.ofSeconds(1);

    private final OutboxFigures figures;
    private final Clock clock;
    private Snapshot snapshot;
    private Instant readAt = Instant.MIN;

    OutboxGauges(OutboxFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("licencedesk.outbox.pending", this, gauges -> gauges.figure(Figure.PENDING))
                .description("E-mails waiting in the outbox to be sent, or being sent")
                .baseUnit("messages")
                .register(registry);
        Gauge.builder("licencedesk.outbox.failed", this, gauges -> gauges.figure(Figure.FAILED))
                .description("E-mails given up on after their last attempt, until someone retries them")
                .baseUnit("messages")
                .register(registry);
        TimeGauge.builder(
                        "licencedesk.outbox.oldest.pending.age",
                        this,
                        TimeUnit.SECONDS,
                        gauges -> gauges.figure(Figure.OLDEST_AGE))
                .description("How long the oldest waiting e-mail has waited; 0 when none waits")
                .register(registry);
    }

    private enum Figure {
        PENDING,
        FAILED,
        OLDEST_AGE
    }

    private synchronized double figure(Figure figure) {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(readAt.plus(KEPT)) || now.isBefore(readAt)) {
            try {
                snapshot = figures.read();
                readAt = now;
            } catch (RuntimeException unreadable) {
                log.warn("Cannot read the outbox's figures: {}", unreadable.toString());
                snapshot = null;
                return Double.NaN;
            }
        }
        return switch (figure) {
            case PENDING -> snapshot.pending();
            case FAILED -> snapshot.failed();
            case OLDEST_AGE ->
                snapshot.oldestPendingSince() == null
                        ? 0
                        : Math.max(
                                0,
                                Duration.between(snapshot.oldestPendingSince(), now)
                                                .toMillis()
                                        / 1000.0);
        };
    }
}
