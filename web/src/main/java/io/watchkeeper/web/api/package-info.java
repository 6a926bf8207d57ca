/**
 * The REST API under {@code /api/v1}: bearer API tokens, keyset pagination ({@code limit} and the
 * opaque {@code cursor} from the previous page's {@code next}), filters as query parameters, errors
 * as RFC 9457 problem details. Every handler declares its role with {@code @PreAuthorize}.
 */
package io.watchkeeper.web.api;
