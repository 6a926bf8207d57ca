/**
 * The certificate manager's language: authorities and their limits, certificates with their parsed
 * metadata and lineage, private keys sealed at rest, issuance requests, and the stores behind them.
 * No cryptography lives here (that is cert-manager); only what is stored and passed around.
 */
package io.watchkeeper.core.cert;
