/**
 * Certificate manager: authorities (internal CA, ACME), certificates, rotation, destinations and
 * revocation. Filled by the certificate-manager issue.
 */
package io.watchkeeper.certmanager;
