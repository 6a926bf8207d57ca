package io.watchkeeper.core.secret;

import java.util.Locale;

/** What an account secret is. */
public enum SecretKind {
    /** A GitHub personal access token (fine-grained or classic). */
    GITHUB_TOKEN,
    /** A GitHub App's private key (PEM). */
    GITHUB_APP_KEY;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SecretKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
