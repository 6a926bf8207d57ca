package io.watchkeeper.web;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.web.cli.Cli;
import io.watchkeeper.web.cli.CodeScanArgs;
import io.watchkeeper.web.cli.CodeScanCommand;
import io.watchkeeper.web.db.DatabaseInitializer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. {@code serve} (or no command) runs the server with the scheduler; any other command
 * runs the CLI against the same database. Spring settings ({@code --server.port=8081},
 * {@code --watchkeeper.aws.home-region=eu-west-1}) pass through in both modes.
 */
@SpringBootApplication
public class WatchkeeperApplication {

    private static final Pattern SPRING_ARG = Pattern.compile("--[a-z][a-z0-9-]*(\\.[a-z0-9\\[\\]-]+)+=.*");

    public static void main(String[] args) {
        List<String> springArgs = new ArrayList<>();
        List<String> commandArgs = new ArrayList<>();
        for (String arg : args) {
            (SPRING_ARG.matcher(arg).matches() ? springArgs : commandArgs).add(arg);
        }
        if (commandArgs.isEmpty() || commandArgs.getFirst().equals("serve")) {
            serve(springArgs.toArray(String[]::new));
            return;
        }
        System.exit(runCli(commandArgs.toArray(String[]::new), springArgs.toArray(String[]::new)));
    }

    static ConfigurableApplicationContext serve(String[] springArgs) {
        SpringApplication app = new SpringApplication(WatchkeeperApplication.class);
        app.addInitializers(new DatabaseInitializer());
        app.setDefaultProperties(Map.of("watchkeeper.scheduler.enabled", "true"));
        return app.run(springArgs);
    }

    static ConfigurableApplicationContext startForCli(String[] springArgs) {
        SpringApplication app = new SpringApplication(WatchkeeperApplication.class);
        app.addInitializers(new DatabaseInitializer());
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("watchkeeper.scheduler.enabled", "false");
        defaults.put("logging.level.root", "WARN");
        defaults.put("logging.level.io.zonky", "ERROR");
        app.setDefaultProperties(defaults);
        return app.run(springArgs);
    }

    /** The server's application context, for tests of other packages. */
    public static ConfigurableApplicationContext serveInTests(String[] springArgs) {
        return serve(springArgs);
    }

    /** The CLI's application context, for tests of other packages. */
    public static ConfigurableApplicationContext startForCliInTests(String[] springArgs) {
        return startForCli(springArgs);
    }

    /** Runs one CLI command; returns the exit code (0 ok, 1 something failed, 2 bad input). */
    public static int runCli(String[] commandArgs, String[] springArgs) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        try (Cli cli = new Cli(() -> startForCli(springArgs), out, err, System.console() != null)) {
            return execute(cli, commandArgs);
        }
    }

    /** Parses and runs {@code args} with {@code cli}; errors become one line and an exit code. */
    public static int execute(Cli cli, String[] args) {
        // `code scan` in CI: the common command lines are parsed without picocli (start-up CPU); anything else
        // (help, errors, other commands) goes to picocli, which lives in PicocliCommands so that loading this
        // class loads none of it
        if (args.length >= 2 && args[0].equals("code") && args[1].equals("scan")) {
            CodeScanCommand scan = CodeScanArgs.parse(cli, Arrays.copyOfRange(args, 2, args.length));
            if (scan != null) {
                try {
                    return scan.call();
                } catch (Exception e) {
                    return failure(cli, e);
                }
            }
        }
        return PicocliCommands.execute(cli, args);
    }

    /** A command's failure as one {@code error:} line and its exit code (2 bad input, 1 anything else). */
    static int failure(Cli cli, Exception e) {
        Throwable cause = rootWatchkeeperError(e);
        if (cause instanceof InvalidInputException invalid) {
            cli.err().println("error: " + invalid.getMessage());
            return 2;
        }
        if (cause instanceof WatchkeeperException w) {
            cli.err().println("error (" + w.category().name().toLowerCase() + "): " + w.getMessage());
            return 1;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        cli.err().println("error: unexpected " + e.getClass().getSimpleName()
                + (message.isEmpty() ? "" : ": " + (message.length() > 300 ? message.substring(0, 300) + "…" : message)));
        return 1;
    }

    private static Throwable rootWatchkeeperError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WatchkeeperException) {
                return t;
            }
        }
        return e;
    }
}
