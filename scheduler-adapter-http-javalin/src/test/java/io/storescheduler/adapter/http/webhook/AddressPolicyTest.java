package io.storescheduler.adapter.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard on literal addresses, so no test depends on a resolver. */
class AddressPolicyTest {

    private final AddressPolicy guarded = new AddressPolicy(false);
    private final AddressPolicy allowing = new AddressPolicy(true);

    @Test
    void loopback_private_link_local_and_shared_addresses_are_refused() {
        for (var url : List.of("http://127.0.0.1/hook", "http://127.8.9.10:8080/", "http://10.1.2.3/", "http://172.16.0.1/",
                "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
                "http://0.0.0.0/", "http://[::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
                "http://224.0.0.1/", "http://[::ffff:127.0.0.1]/")) {
            var refusal = guarded.refusal(URI.create(url));
            assertTrue(refusal.isPresent() && refusal.get().contains("private or loopback"), url + " -> " + refusal);
        }
    }

    @Test
    void public_addresses_pass() {
        for (var url : List.of("https://93.184.216.34/hook", "http://172.32.0.1/", "http://100.128.0.1/", "http://[2001:4860:4860::8888]/")) {
            assertEquals(Optional.empty(), guarded.refusal(URI.create(url)), url);
        }
    }

    @Test
    void only_absolute_http_urls_without_credentials_are_taken_even_where_private_targets_are_allowed() {
        for (var url : List.of("ftp://93.184.216.34/", "file:///etc/passwd", "/relative", "http://user:secret@93.184.216.34/", "http:///nohost")) {
            assertTrue(allowing.refusal(URI.create(url)).isPresent(), url);
        }
        assertEquals(Optional.empty(), allowing.refusal(URI.create("http://127.0.0.1:8080/hook")));
    }
}
