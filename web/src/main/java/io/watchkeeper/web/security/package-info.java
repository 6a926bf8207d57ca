/**
 * Who is calling: local users (bcrypt), OIDC logins, API tokens; roles with account scopes; login
 * throttling; the initial admin. Two filter chains: {@code /api/**} with bearer tokens (no session,
 * no CSRF needed) and the console with form/OIDC login, CSRF and a strict Content-Security-Policy.
 */
package io.watchkeeper.web.security;
