package io.storescheduler.adapter.web.shared;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The board's scripts and styles, read from this jar once and answered from memory under
 * {@code /board/assets/}: htmx from its webjar, the board's own script and style, and the grid
 * classes that place bookings without an inline style.
 */
public final class Assets {

    public static final String PATH = "/board/assets/";
    private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

    private record Asset(String contentType, byte[] bytes) {}

    private final Map<String, Asset> assets = Map.of(
            "htmx.min.js", new Asset("text/javascript; charset=utf-8", read(htmxPath())),
            "board.js", new Asset("text/javascript; charset=utf-8", read("/board/board.js")),
            "board.css", new Asset("text/css; charset=utf-8", read("/board/board.css")),
            "grid.css", new Asset("text/css; charset=utf-8", GridStyles.css().getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    public void register(RoutesConfig routes) {
        routes.get(PATH + "{name}", this::answer);
    }

    private void answer(Context ctx) {
        var asset = assets.get(ctx.pathParam("name"));
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static String htmxPath() {
        var properties = new Properties();
        try (var in = stream(HTMX_POM)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/htmx.org/" + properties.getProperty("version") + "/dist/htmx.min.js";
    }

    private static byte[] read(String resource) {
        try (var in = stream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String resource) {
        var in = Assets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the board's asset " + resource + " is not in the jar");
        }
        return in;
    }
}
