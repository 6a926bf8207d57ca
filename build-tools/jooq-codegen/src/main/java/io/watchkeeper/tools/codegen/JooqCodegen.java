package io.watchkeeper.tools.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the real schema: starts an embedded PostgreSQL, applies the
 * Flyway migrations and reads the resulting catalogue. Skips the work when no migration is newer
 * than the last generation (a stamp file in the output folder).
 *
 * <p>Arguments: migrations folder, output folder, target package.
 */
public final class JooqCodegen {

    private JooqCodegen() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JooqCodegen <migrationsDir> <outDir> <package>");
        }
        Path migrations = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String targetPackage = args[2];
        Path stamp = out.resolve(".generated-from");
        String fingerprint = fingerprint(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
            return;
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway.configure()
                    .dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            Configuration configuration = new Configuration()
                    .withJdbc(new Jdbc()
                            .withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withOutputSchemaToDefault(true)
                                    .withExcludes("flyway_schema_history|scheduled_tasks"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withRecords(true)
                                    .withPojos(false)
                                    .withGeneratedAnnotation(false))
                            .withTarget(new Target()
                                    .withPackageName(targetPackage)
                                    .withDirectory(out.toAbsolutePath().toString())));
            GenerationTool.generate(configuration);
        }
        Files.createDirectories(out);
        Files.writeString(stamp, fingerprint);
    }

    private static String fingerprint(Path migrations) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path p : files.sorted().toList()) {
                sb.append(p.getFileName()).append(':').append(Files.size(p)).append(':')
                        .append(Files.readString(p).hashCode()).append('\n');
            }
        }
        return sb.toString();
    }
}
