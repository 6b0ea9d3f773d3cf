package io.storescheduler.bootstrap.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real webhook receiver on 127.0.0.1: it records every POST it is sent (headers and body) and
 * answers each with the next status queued, 200 once none is left; a receiver may also hold
 * its first request until released (or closed), as a slow one would, recording it only then.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with the status it was answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch holdFirst;
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private volatile String heldId;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", this::receive);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next requests with these statuses, in order. */
    WebhookReceiver answering(Integer... statuses) {
        this.statuses.addAll(List.of(statuses));
        return this;
    }

    /** Holds the first request until {@link #release()}. */
    WebhookReceiver holdingTheFirst() {
        holdFirst = new CountDownLatch(1);
        return this;
    }

    void release() {
        holdFirst.countDown();
    }

    void awaitFirst() throws InterruptedException {
        if (!firstArrived.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no delivery arrived");
        }
    }

    /** The webhook-id of the request held, once it arrived; it is recorded only when released. */
    String heldId() {
        return heldId;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until what was received passes {@code done}; a safety net against hanging, not a measurement. */
    List<Received> awaitReceived(Predicate<List<Received>> done, Duration patience) throws InterruptedException {
        var deadline = System.nanoTime() + patience.toNanos();
        while (!done.test(received())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver got only " + received());
            }
            Thread.sleep(20);
        }
        return received();
    }

    private void receive(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var held = holdFirst;
        if (held != null && firstArrived.getCount() == 1) {
            heldId = exchange.getRequestHeaders().getFirst("webhook-id");
            firstArrived.countDown();
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        firstArrived.countDown();
        var status = statuses.isEmpty() ? 200 : statuses.poll();
        var headers = exchange.getRequestHeaders();
        synchronized (this) {
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, status));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        if (holdFirst != null) {
            holdFirst.countDown();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
