package io.storescheduler.adapter.http.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storescheduler.adapter.http.shared.Problems;
import io.storescheduler.adapter.http.shared.RequestIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches a route (a bad request line or URI, a URI or
 * headers too large, a body that arrives too slowly), as problem+json like every other error,
 * instead of Jetty's HTML page, with a request id of their own as no route gave one. Jetty's reason
 * is not quoted: it can name its own classes.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    public ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setCacheControl(Problems.CACHE_CONTROL);
    }

    /** Every method gets the body, not only GET, POST and HEAD: a refused PATCH is a problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        var requestId = RequestIds.newId();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(Problems.NOSNIFF_HEADER, Problems.NOSNIFF);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(body(code, requestId)), callback);
    }

    /** The answer to a message Jetty could not even read as a request. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        var requestId = RequestIds.newId();
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        fields.put(HttpHeader.CACHE_CONTROL, Problems.CACHE_CONTROL);
        fields.put(Problems.NOSNIFF_HEADER, Problems.NOSNIFF);
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    private byte[] body(int status, String requestId) {
        try {
            return mapper.writeValueAsBytes(Problems.body(status, Problems.codeOf(status), Problems.detailOf(status), requestId));
        } catch (IOException e) {
            throw new IllegalStateException("a problem body is plain maps and strings", e);
        }
    }
}
