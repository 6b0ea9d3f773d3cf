package io.storescheduler.application.idempotency;

import java.util.Arrays;
import java.util.Objects;

/** The answer a request got, kept so that a retry of it gets the same: status, body, and the headers that describe the body. */
public record RecordedAnswer(int status, String contentType, String etag, byte[] body) {

    public RecordedAnswer {
        Objects.requireNonNull(body, "body");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isServerError() {
        return status >= 500;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedAnswer that && status == that.status && Objects.equals(contentType, that.contentType)
                && Objects.equals(etag, that.etag) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, etag, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedAnswer[status=" + status + ", contentType=" + contentType + ", etag=" + etag + ", " + body.length + " bytes]";
    }
}
