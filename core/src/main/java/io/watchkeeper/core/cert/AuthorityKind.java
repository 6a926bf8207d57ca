package io.watchkeeper.core.cert;

/** How an authority issues. */
public enum AuthorityKind {
    /** Watchkeeper holds the CA key and signs itself (created here or imported with its key). */
    INTERNAL,
    /** An ACME CA (RFC 8555); Watchkeeper holds an account, not a CA key. */
    ACME
}
