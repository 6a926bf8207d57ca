/**
 * Renewal: when each certificate is due (the CA's ARI window when it offers one, else 2/3 of the
 * lifetime — 1/2 under ten days — minus a deterministic jitter), the sweep that finds the due ones
 * through an index, and renewal / revoke-and-replace that reissue with a new key under an
 * idempotency key per renewal, linking the new certificate to the one it replaces.
 */
package io.watchkeeper.certmanager.rotation;
