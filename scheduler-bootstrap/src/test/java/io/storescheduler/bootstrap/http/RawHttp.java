package io.storescheduler.bootstrap.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link ApiClient} cannot send: made-up methods, a request
 * line or headers no client library writes, a body sent a byte at a time. Each request asks the
 * server to close the connection, and reads the answer until it does.
 */
final class RawHttp {

    /** Long enough never to be reached by a server that answers; it only stops a hang. */
    static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(90);

    private RawHttp() {}

    /** An answer as it came: status, headers (names lower-cased) and body text; status 0 when the server closed without one. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code head} (request line and headers, each ending in CRLF, without the empty line) and {@code body}. */
    static Answer send(int port, String head, byte[] body) {
        try (var socket = connect(port)) {
            var out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Socket connect(int port) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout((int) SAFETY_TIMEOUT.toMillis());
        return socket;
    }

    /** Reads until the server closes the connection (a reset counts as closing). */
    static Answer read(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (SocketException reset) {
            // the server closed the connection while the client still wrote: what was read stands
        }
        return parse(bytes.toString(StandardCharsets.UTF_8));
    }

    private static Answer parse(String text) {
        var end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, Map.of(), text);
        }
        var lines = text.substring(0, end).split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            var colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        var body = text.substring(end + 4);
        var chunked = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? unchunked(body) : body);
    }

    private static String unchunked(String body) {
        var whole = new StringBuilder();
        var at = 0;
        while (at < body.length()) {
            var lineEnd = body.indexOf("\r\n", at);
            var size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            whole.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return whole.toString();
    }
}
