package io.watchkeeper.web.cli;

import io.watchkeeper.certmanager.ExportFormat;
import io.watchkeeper.certmanager.keys.OwnerOnlyFiles;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.cert.CertificateOperations;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certs export}: certificate and chain, and with --with-key (or pkcs12/jks) the private key, audited. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a certificate with its chain (and, with --with-key or as pkcs12/jks, its private key) to a "
                + "new file with mode 0600. Key exports are audited.")
final class CertsExportCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    CertOptions.Id cert;

    @Option(names = "--out", required = true, description = "new file to write (never overwritten)")
    Path out;

    @Option(names = "--format", defaultValue = "pem", description = "pem (bundle), pkcs12 or jks")
    String format;

    @Option(names = "--with-key", description = "include the private key in a PEM bundle")
    boolean withKey;

    @Option(names = "--password-file", description = "keystore password for pkcs12/jks (first line); else prompted")
    Path passwordFile;

    @Option(names = "--reason", description = "why the key leaves Watchkeeper (recorded in the audit log)")
    String reason;

    CertsExportCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ExportFormat f = Arrays.stream(ExportFormat.values()).filter(v -> v.name().equalsIgnoreCase(format)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown export format '" + Text.safe(format)
                        + "' (pem, pkcs12, jks)"));
        CertFiles.checkNewFile(out);
        long certId = cert.id();
        CertificateOperations operations = cli.bean(CertificateOperations.class);
        cli.bean(io.watchkeeper.web.cert.Certificates.class).get(certId, cli.caller()); // unknown ids fail before a prompt
        char[] password = f == ExportFormat.PEM ? null : CertFiles.password(passwordFile, true);
        try {
            byte[] bytes = operations.export(certId, f, withKey, password, reason, cli.caller());
            OwnerOnlyFiles.write(out, bytes);
            Arrays.fill(bytes, (byte) 0);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        boolean key = withKey || f != ExportFormat.PEM;
        cli.out().println("wrote certificate " + certId + (key ? " with its private key" : "") + " to " + out
                + " (" + f.name().toLowerCase(Locale.ROOT) + ", mode 0600)" + (key ? "; the export is in the audit log" : ""));
        return 0;
    }
}
