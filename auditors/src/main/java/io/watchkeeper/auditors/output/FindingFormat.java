package io.watchkeeper.auditors.output;

import io.watchkeeper.core.finding.FindingView;
import java.util.List;

/**
 * One way to write findings for other tools (a spreadsheet, code scanning, a security lake). Every
 * value in a finding may come from a cloud account, so implementations treat them as hostile:
 * escaped for their format, never interpreted.
 */
public interface FindingFormat {

    /** Short name used on the command line and in the API, e.g. {@code csv}. */
    String name();

    /** The media type of {@link #render}'s output. */
    String mediaType();

    /** The usual file extension, without the dot. */
    String fileExtension();

    /** The whole document for these findings, in their order. */
    String render(List<FindingView> findings, CheckCatalog catalog);
}
