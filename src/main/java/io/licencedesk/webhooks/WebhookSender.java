package io.licencedesk.webhooks;

import io.licencedesk.webhooks.DeliveryRepository.Attempt;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts one event to one endpoint: JSON, signed, with short timeouts and redirects not followed. Only the first
 * few hundred bytes of the answer are read, and a whole attempt, answer included, ends within the request timeout
 * plus the connect timeout, whatever the receiver does.
 */
@Component
class WebhookSender {

    static final String EVENT_ID_HEADER = "LicenceDesk-Event-Id";

    /** How much of an answer is read and kept, as an excerpt for the delivery log. */
    static final int EXCERPT_BYTES = 300;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    WebhookSender(
            @Value("${licencedesk.webhooks.connect-timeout:PT3S}") Duration connectTimeout,
            @Value("${licencedesk.webhooks.request-timeout:PT10S}") Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Attempt post(URI url, String eventId, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", DeliveryRequest.CONTENT_TYPE)
                .header("User-Agent", DeliveryRequest.USER_AGENT)
                .header(EVENT_ID_HEADER, eventId)
                .header(Signatures.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(request, info -> new FirstBytes(EXCERPT_BYTES));
        try {
            HttpResponse<byte[]> response =
                    answer.get(requestTimeout.plus(connectTimeout).toMillis(), TimeUnit.MILLISECONDS);
            long took = elapsedMs(started);
            int code = response.statusCode();
            String excerpt = Excerpts.of(response.body());
            if (code >= 200 && code < 300) {
                return new Attempt(code, took, null, excerpt);
            }
            return new Attempt(code, took, DeliveryErrors.answered(code), excerpt);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            return new Attempt(
                    null, elapsedMs(started), DeliveryErrors.noAnswerWithin(requestTimeout.toSeconds()), null);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (isNoContentWithALength(cause)) {
                return new Attempt(204, elapsedMs(started), null, null);
            }
            // The client's own request timeout fires before the wait above ends: it is the same "no answer in time",
            // which the delivery log words in its reader's language, not Java's "HttpTimeoutException: request
            // timed out". A connect timeout is a subclass, and stays what it is: no connection.
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                return new Attempt(
                        null, elapsedMs(started), DeliveryErrors.noAnswerWithin(requestTimeout.toSeconds()), null);
            }
            return new Attempt(null, elapsedMs(started), Excerpts.describe(cause), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return new Attempt(null, elapsedMs(started), "Interrupted while sending", null);
        }
    }

    /**
     * Java 17's client refuses a 204 answer that has a Content-Length header (many frameworks send "0"), after the
     * status line has arrived: the receiver did answer 204, which delivers the event.
     */
    private static boolean isNoContentWithALength(Throwable failure) {
        return failure instanceof java.io.IOException
                && String.valueOf(failure.getMessage()).contains("content length header with 204 response");
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Keeps the first bytes of an answer's body and stops reading it there. */
    static final class FirstBytes implements BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= limit) {
                subscription.cancel();
                body.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The status code has arrived; a body cut short is still an answer.
            body.complete(kept.toByteArray());
        }

        @Override
        public void onComplete() {
            body.complete(kept.toByteArray());
        }
    }
}
