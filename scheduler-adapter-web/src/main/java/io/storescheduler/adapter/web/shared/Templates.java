package io.storescheduler.adapter.web.shared;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The board's pages, rendered by jte from templates compiled to classes at build time, so the jar
 * holds no template source and compiles nothing at run time. Every page answer carries the
 * board's Content-Security-Policy: scripts, styles and everything else from this server only,
 * and no inline script.
 */
public final class Templates {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> parameters) {
        var output = new StringOutput();
        engine.render(template, parameters, output);
        return output.toString();
    }

    /** Answers {@code status} with the page {@code template} renders from {@code parameters}. */
    public void answer(Context ctx, int status, String template, Map<String, Object> parameters) {
        var html = render(template, parameters);
        pageHeaders(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    public static void pageHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
