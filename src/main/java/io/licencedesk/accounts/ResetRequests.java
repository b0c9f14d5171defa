package io.licencedesk.accounts;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * "Forgot your password?" answered before its work is done (decision 0159). The page said the same for every address,
 * but an address with an account was answered after a link was made, counted and queued (5–14 ms on the demo) and an
 * unknown one after a single look-up (2–3 ms): the time told who has an account. The work now runs on a thread of its
 * own, in the language of the page that asked, and the page answers at once either way.
 */
@Component
public class ResetRequests {

    private static final Logger log = LoggerFactory.getLogger(ResetRequests.class);

    /**
     * Resets asked for and not made yet. Past it (a flood of requests) a request's reset is dropped, with a warning:
     * made on the request's own thread, its time would tell again whether the address has an account, and an unbounded
     * queue would fill the heap. The page tells the person to ask again if no e-mail comes.
     */
    private static final int WAITING_AT_MOST = 10_000;

    private final PasswordManagement passwords;
    private final ThreadPoolTaskExecutor worker = new ThreadPoolTaskExecutor();
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong done = new AtomicLong();

    ResetRequests(PasswordManagement passwords) {
        this.passwords = passwords;
        worker.setCorePoolSize(1);
        worker.setMaxPoolSize(1);
        worker.setQueueCapacity(WAITING_AT_MOST);
        worker.setThreadNamePrefix("password-resets-");
        worker.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
        // A node stopping makes the resets it has promised before it goes (its shutdown waits up to 10 s).
        worker.setWaitForTasksToCompleteOnShutdown(true);
        worker.setAwaitTerminationSeconds(10);
        worker.initialize();
    }

    /** {@link PasswordManagement#requestReset}, made after this returns, in the language of the asking page. */
    public void ask(String email) {
        Locale language = LocaleContextHolder.getLocale();
        asked.incrementAndGet();
        try {
            worker.execute(() -> {
                LocaleContextHolder.setLocale(language);
                try {
                    passwords.requestReset(email);
                } catch (RuntimeException failed) {
                    // The address is left out: the log must not say who asked for a link.
                    log.warn(
                            "A password reset asked for on the Forgot your password page failed: {}",
                            failed.toString());
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                    done.incrementAndGet();
                }
            });
        } catch (TaskRejectedException full) {
            done.incrementAndGet();
            log.warn("A password reset asked for was dropped: {} resets are waiting already", WAITING_AT_MOST);
        }
    }

    /** Waits until every reset asked for so far is made (tests read the e-mail after it); false when it took longer. */
    boolean awaitAsked(Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        long askedSoFar = asked.get();
        while (done.get() < askedSoFar) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
