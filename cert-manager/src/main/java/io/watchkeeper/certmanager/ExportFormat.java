package io.watchkeeper.certmanager;

/** How a certificate (and, when asked, its key) is exported. */
public enum ExportFormat {
    /** Certificate, chain and (optionally) the PKCS#8 key, concatenated PEM. */
    PEM,
    /** PKCS#12 keystore, password-protected. */
    PKCS12,
    /** Java keystore, password-protected. */
    JKS
}
