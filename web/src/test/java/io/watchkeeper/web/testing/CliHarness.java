package io.watchkeeper.web.testing;

import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.web.WatchkeeperApplication;
import io.watchkeeper.web.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.context.ConfigurableApplicationContext;

/** The CLI in-process against a fresh database: run commands, read exit code and output. */
public final class CliHarness implements AutoCloseable {

    /** One command's result. */
    public record Run(int exit, String out, String err) {}

    public final TestDatabase db = TestDatabase.fresh();
    private final ConfigurableApplicationContext context;

    public CliHarness(String... extraSettings) {
        String[] base = {"--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres",
            "--watchkeeper.aws.max-attempts=2"};
        String[] all = new String[base.length + extraSettings.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extraSettings, 0, all, base.length, extraSettings.length);
        context = WatchkeeperApplication.startForCliInTests(all);
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(() -> context, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(cli, args);
        return new Run(exit, out.toString(), err.toString());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
