package io.watchkeeper.web.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the page
 * @param next cursor for the next page, or null on the last one
 */
public record ApiPage<T>(List<T> items, String next) {}
