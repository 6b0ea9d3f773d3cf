package io.storescheduler.codegen;

import io.storescheduler.db.SchedulerMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.LambdaConverter;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the real schema: starts an embedded PostgreSQL, applies the
 * migrations, and reads the catalog back. jOOQ's DDL parser would miss expression indexes and
 * partial-index predicates, so the schema comes from a real server instead.
 *
 * <p>Arguments: the output directory and the target package. Skips the work when the migrations
 * have not changed since the last run (a digest is kept beside the output).
 */
public final class GenerateJooq {

    private static final String ID_PACKAGE = "io.storescheduler.domain.id";

    /**
     * Each id record with the columns holding it: the entity's own {@code id} and every column
     * named for it ({@code store_id} in any table is a {@code StoreId}). Actors, webhooks and events
     * keep plain numbers.
     */
    private static final Map<String, String> ID_COLUMNS = new LinkedHashMap<>();

    static {
        ID_COLUMNS.put("StoreId", "(.*\\.)?store\\.id|.*\\.store_id");
        ID_COLUMNS.put("BookingId", "(.*\\.)?booking\\.id|.*\\.booking_id");
        ID_COLUMNS.put("ClientId", "(.*\\.)?client\\.id|.*\\.client_id");
        ID_COLUMNS.put("CharacterId", "(.*\\.)?script_character\\.id|.*\\.character_id");
        ID_COLUMNS.put("DmId", "(.*\\.)?dm\\.id|.*\\.dm_id");
        ID_COLUMNS.put("RoomId", "(.*\\.)?room\\.id|.*\\.room_id");
        ID_COLUMNS.put("ScriptId", "(.*\\.)?script\\.id|.*\\.script_id");
        ID_COLUMNS.put("SlotId", "(.*\\.)?slot\\.id|.*\\.slot_id");
        ID_COLUMNS.put("MatchId", "(.*\\.)?character_(client|dm)_match\\.id");
    }

    private GenerateJooq() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateJooq <output-directory> <package>");
        }
        var output = Path.of(args[0]);
        var packageName = args[1];
        var stamp = output.resolveSibling(output.getFileName() + ".migrations-sha256");
        var digest = migrationsDigest(configuration(output, packageName).toString());
        if (Files.isDirectory(output) && Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            System.out.println("[codegen] migrations unchanged, jOOQ classes are up to date");
            return;
        }
        generate(output, packageName);
        Files.writeString(stamp, digest);
    }

    private static void generate(Path output, String packageName) throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            SchedulerMigrations.migrate(dataSource);
            try (var connection = dataSource.getConnection()) {
                var tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(configuration(output, packageName));
            }
        }
    }

    private static Configuration configuration(Path output, String packageName) {
        return new Configuration().withGenerator(new Generator()
                .withDatabase(new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema("public")
                        .withOutputSchemaToDefault(true)
                        .withExcludes("flyway_schema_history")
                        .withForcedTypes(forcedTypes()))
                .withGenerate(new Generate()
                        .withRecords(true)
                        .withPojos(false)
                        .withDaos(false)
                        .withJavaTimeTypes(true)
                        .withGeneratedAnnotation(false))
                .withTarget(new Target()
                        .withPackageName(packageName)
                        .withDirectory(output.toString())
                        .withClean(true)));
    }

    /** Timestamps read as the driver gives them; each entity's id column, and the columns naming it, as its id record. */
    private static List<ForcedType> forcedTypes() {
        var types = new ArrayList<ForcedType>();
        types.add(new ForcedType()
                .withUserType("java.time.Instant")
                .withBinding("io.storescheduler.adapter.jooq.shared.InstantBinding")
                .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)"));
        ID_COLUMNS.forEach((id, columns) -> types.add(new ForcedType()
                .withUserType(ID_PACKAGE + "." + id)
                .withLambdaConverter(new LambdaConverter()
                        .withFrom(ID_PACKAGE + "." + id + "::new")
                        .withTo(ID_PACKAGE + "." + id + "::value"))
                .withIncludeTypes("(?i:bigint|int8)")
                .withIncludeExpression(columns)));
        return types;
    }

    /** A digest of the migrations and of the generator's configuration: a change to either regenerates the classes. */
    private static String migrationsDigest(String configuration) throws IOException, URISyntaxException, NoSuchAlgorithmException {
        var folder = GenerateJooq.class.getResource("/db/migration");
        if (folder == null || !"file".equals(folder.getProtocol())) {
            // migrations read from a jar: regenerate every time rather than guess
            return "unknown-" + System.nanoTime();
        }
        var sha = MessageDigest.getInstance("SHA-256");
        sha.update(configuration.getBytes(StandardCharsets.UTF_8));
        for (var name : migrationNames(Path.of(folder.toURI()))) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = GenerateJooq.class.getResourceAsStream("/db/migration/" + name)) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<String> migrationNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
