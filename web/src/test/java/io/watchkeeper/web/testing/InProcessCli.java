package io.watchkeeper.web.testing;

import io.watchkeeper.web.WatchkeeperApplication;
import io.watchkeeper.web.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs CLI commands in-process against a running server's context (the CLI next to the server, same database). */
public final class InProcessCli {

    private InProcessCli() {}

    public static CliHarness.Run run(ConfigurableApplicationContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(() -> context, new PrintWriter(out, true), new PrintWriter(err, true), false);
        int exit = WatchkeeperApplication.execute(cli, args);
        return new CliHarness.Run(exit, out.toString(), err.toString());
    }
}
