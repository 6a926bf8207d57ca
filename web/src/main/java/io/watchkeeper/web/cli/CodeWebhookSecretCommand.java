package io.watchkeeper.web.cli;

import io.watchkeeper.web.service.CodeReviews;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper code webhook-secret --file FILE}: sets the GitHub App's webhook secret (sealed). */
@Command(name = "webhook-secret", mixinStandardHelpOptions = true,
        description = "Set the GitHub App's webhook secret from an owner-only file (sealed; never printed).")
public final class CodeWebhookSecretCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "owner-only file holding the secret")
    Path file;

    CodeWebhookSecretCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        byte[] secret = SecretFiles.read(file, "--file");
        try {
            int end = secret.length;
            while (end > 0 && (secret[end - 1] == '\n' || secret[end - 1] == '\r')) {
                end--;
            }
            byte[] trimmed = Arrays.copyOf(secret, end);
            try {
                cli.bean(CodeReviews.class).setWebhookSecret(trimmed, cli.caller());
            } finally {
                Arrays.fill(trimmed, (byte) 0);
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        cli.out().println("webhook secret set (sealed); point the GitHub App's webhook at <server>/api/v1/github/webhook");
        return 0;
    }
}
