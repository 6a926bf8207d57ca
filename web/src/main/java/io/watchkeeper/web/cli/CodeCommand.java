package io.watchkeeper.web.cli;

import picocli.CommandLine.Command;

/** {@code watchkeeper code ...}: code scanning. */
@Command(name = "code", description = "Code scanning: secrets in a folder, a commit, a pull request's diff or a whole history; pull-request delivery settings.",
        mixinStandardHelpOptions = true, subcommands = {CodeScanCommand.class, CodeWebhookSecretCommand.class, CodeRisksCommand.class})
public final class CodeCommand {}
