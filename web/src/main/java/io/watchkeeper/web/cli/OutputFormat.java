package io.watchkeeper.web.cli;

/** {@code --format}: a table for people, JSON for scripts. */
public enum OutputFormat {
    TABLE,
    JSON
}
