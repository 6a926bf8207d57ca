package io.watchkeeper.gcp;

import com.google.auth.Credentials;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * The credential of one project: ADC, a service-account key file or none, optionally used to
 * impersonate a service account (IAM Credentials {@code generateAccessToken}, the GCP analogue of
 * assuming a role). Every token request goes through the session's transport (so through the
 * configured endpoint when there is one).
 */
final class GcpCredentials {

    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    private GcpCredentials() {}

    /** The credential to use, or null for "send no Authorization header". */
    static Credentials of(Account account, GcpSettings settings, HttpTransportFactory transport) {
        GcpCredentialsRef ref = GcpCredentialsRef.parse(account.access().credentialsRef());
        String impersonate = account.access().roleArn();
        GoogleCredentials source = switch (ref) {
            case GcpCredentialsRef.None none -> {
                if (!settings.hasEndpoint()) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "project " + account.name()
                            + " has credentials 'none', which is allowed only with a GCP endpoint set"
                            + " (watchkeeper.gcp.endpoint / WATCHKEEPER_GCP_ENDPOINT)");
                }
                if (impersonate != null) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_INPUT,
                            "project " + account.name() + ": impersonation needs a source credential, not 'none'");
                }
                yield null;
            }
            case GcpCredentialsRef.Adc adc -> adc(account, transport);
            case GcpCredentialsRef.KeyFile file -> keyFile(account, file, transport);
        };
        if (source == null) {
            return null;
        }
        GoogleCredentials credentials = impersonate == null ? source : ImpersonatedCredentials.newBuilder()
                .setSourceCredentials(source)
                .setTargetPrincipal(impersonate)
                .setScopes(SCOPES)
                .setLifetime(3600)
                .setHttpTransportFactory(transport)
                .build();
        try {
            credentials.refresh();
        } catch (IOException | RuntimeException e) {
            String what = impersonate == null ? "get an access token" : "impersonate " + impersonate;
            throw new WatchkeeperException(ErrorCategory.DENIED, "could not " + what + " for project " + account.name()
                    + ": " + GcpErrors.describe(e), e);
        }
        return credentials;
    }

    private static GoogleCredentials adc(Account account, HttpTransportFactory transport) {
        try {
            return GoogleCredentials.getApplicationDefault(transport).createScoped(SCOPES);
        } catch (IOException e) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "no Application Default Credentials for project "
                    + account.name() + ": " + GcpErrors.describe(e), e);
        }
    }

    private static GoogleCredentials keyFile(Account account, GcpCredentialsRef.KeyFile file,
                                             HttpTransportFactory transport) {
        try {
            GcpCredentialsRef.requireOwnerOnly(file.path());
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "project " + account.name() + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            return ServiceAccountCredentials.fromStream(in, transport).createScoped(SCOPES);
        } catch (IOException | RuntimeException e) {
            // the library's messages can quote the file; say only what is wrong with it
            throw new WatchkeeperException(ErrorCategory.DENIED, "project " + account.name() + ": " + file.path()
                    + " is not a service-account key file (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
