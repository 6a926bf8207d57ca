/**
 * ACME (RFC 8555) authorities through acme4j: registration with external account binding, orders
 * validated by pluggable challenge solvers (HTTP-01, DNS-01), exactly-once issuance that resumes
 * its order after a crash, revocation with RFC 5280 reasons, and ACME Renewal Information (RFC 9773).
 * Directory URLs are user input: https only, internal addresses refused unless allowed.
 */
package io.watchkeeper.certmanager.acme;
