package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules file's {@code contexts}: which paths are lockfiles, localisation, documentation or
 * tests, and what that does to a match (drop generic matches, set or lower the severity).
 */
public final class PathContexts {

    /** One context's policy. */
    public record Policy(Pattern paths, boolean dropGeneric, Severity severity, int lower) {}

    /** Checked in this order: the first that matches wins. */
    private static final FileContext[] ORDER = {FileContext.LOCKFILE, FileContext.LOCALISATION,
            FileContext.DOCUMENTATION, FileContext.TEST};

    private final Map<FileContext, Policy> policies;

    PathContexts(Map<FileContext, Policy> policies) {
        this.policies = new EnumMap<>(policies);
    }

    /** The context of {@code path} (repository-relative, '/' separators). */
    public FileContext of(String path) {
        for (FileContext c : ORDER) {
            Policy p = policies.get(c);
            if (p != null && p.paths().matcher(path).find()) {
                return c;
            }
        }
        return FileContext.CODE;
    }

    /** Whether a generic rule's matches are dropped in {@code context}. */
    public boolean dropsGeneric(FileContext context) {
        Policy p = policies.get(context);
        return p != null && p.dropGeneric();
    }

    /** The severity of a match of {@code base} severity found in {@code context}. */
    public Severity severity(FileContext context, Severity base) {
        Policy p = policies.get(context);
        if (p == null) {
            return base;
        }
        Severity s = base;
        if (p.severity() != null && p.severity().ordinal() < s.ordinal()) {
            s = p.severity();
        }
        if (p.lower() > 0) {
            s = Severity.values()[Math.max(Severity.LOW.ordinal(), s.ordinal() - p.lower())];
        }
        return s;
    }
}
