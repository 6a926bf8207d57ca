package io.watchkeeper.core.secrets;

import java.util.Locale;

/** What kind of file a match is in, from its path; decides whether a match is noise and how bad it is. */
public enum FileContext {
    CODE,
    TEST,
    DOCUMENTATION,
    LOCALISATION,
    LOCKFILE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
