package io.watchkeeper.web;

import io.watchkeeper.web.cli.Cli;
import io.watchkeeper.web.cli.CodeCommand;
import io.watchkeeper.web.cli.RootCommand;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;

/** The CLI's commands parsed and run by picocli (every command line {@code CodeScanArgs} does not take). */
final class PicocliCommands {

    private PicocliCommands() {}

    static int execute(Cli cli, String[] args) {
        // `code ...` needs no Spring and runs in CI: build only its commands, not the whole CLI's (start-up CPU)
        boolean code = args.length > 0 && args[0].equals("code");
        CommandLine commandLine = code ? new CommandLine(CodeCommand.class, new CliFactory(cli))
                : new CommandLine(RootCommand.class, new CliFactory(cli));
        if (code) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        commandLine.setOut(cli.out());
        commandLine.setErr(cli.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> WatchkeeperApplication.failure(cli, e));
        return commandLine.execute(args);
    }

    /** Builds commands with the shared {@link Cli}; picocli's own classes with its default factory. */
    record CliFactory(Cli cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Cli.class);
                constructor.setAccessible(true);
                return constructor.newInstance(cli);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
