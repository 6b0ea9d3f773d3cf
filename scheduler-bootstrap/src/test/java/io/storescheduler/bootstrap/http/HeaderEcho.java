package io.storescheduler.bootstrap.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A page on 127.0.0.1 that shows one request header as the browser sent it, in
 * {@code <output id="header">}: what a browser asks for (Accept-Language, say) is only seen by
 * the server it asks.
 */
final class HeaderEcho implements AutoCloseable {

    private final HttpServer server;
    private final String header;

    private HeaderEcho(String header) throws IOException {
        this.header = header;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    static HeaderEcho of(String header) {
        try {
            return new HeaderEcho(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void answer(HttpExchange exchange) throws IOException {
        var value = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(header), "(none)");
        var page = "<!doctype html><html lang=\"en\"><title>" + header + "</title><output id=\"header\">"
                + value.replace("&", "&amp;").replace("<", "&lt;") + "</output></html>";
        var body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
