/**
 * The console: server-rendered Thymeleaf pages (escaped output only, no inline script, one small
 * same-origin script), forms with CSRF tokens, keyset paging. One controller per area; the work is
 * done by the same services as the REST API.
 */
package io.watchkeeper.web.console;
