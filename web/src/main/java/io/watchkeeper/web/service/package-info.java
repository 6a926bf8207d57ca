/**
 * What the console and the REST API both do: each class one job (triage, scans, users and tokens,
 * dashboard figures), each write checked against the caller's role and accounts and recorded in
 * the audit log. Controllers stay thin.
 */
package io.watchkeeper.web.service;
