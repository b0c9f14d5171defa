package io.licencedesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a test's SMTP server that holds each new connection for a moment before relaying it (the
 * application opens one connection per message), so that a batch takes seconds and a test can act in its middle.
 * It counts the connections it accepted, so with one relay per node a test knows which node sent how much; and it can
 * hold new connections until released, so that a node keeps an e-mail in hand for as long as the test needs.
 */
public final class SmtpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final Duration delay;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object gate = new Object();
    private boolean holding;

    public SmtpRelay(int target, Duration delay) {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        this.target = target;
        this.delay = delay;
        daemon(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far: one per e-mail a node began to send through this relay. */
    public int connections() {
        return accepted.get();
    }

    /** From now on, connections wait (after their delay) until {@link #release()}. */
    public void hold() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Lets the waiting connections and all later ones through. */
    public void release() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                daemon(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            Thread.sleep(delay.toMillis());
            synchronized (gate) {
                while (holding) {
                    gate.wait();
                }
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
            daemon(() -> pump(upstream, client));
            pump(client, upstream);
        } catch (IOException | InterruptedException failed) {
            closeQuietly(client);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "smtp-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // either side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        release();
        try {
            server.close();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
