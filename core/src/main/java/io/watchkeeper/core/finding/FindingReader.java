package io.watchkeeper.core.finding;

import java.util.List;
import java.util.Optional;

/** Read access to findings and their history. */
public interface FindingReader {

    List<FindingView> list(FindingFilter filter);

    /** By id or fingerprint. */
    Optional<FindingView> find(String idOrFingerprint);

    List<FindingEvent> history(long findingId);

    /** Every finding of one item, any status, highest score first (at most 500). */
    List<FindingView> forItem(long itemId);
}
