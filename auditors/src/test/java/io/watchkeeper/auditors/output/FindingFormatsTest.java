package io.watchkeeper.auditors.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FindingFormatsTest {

    @Test
    void findsFormatsByNameAndListsThemWhenAskedForAnUnknownOne() {
        FindingFormats formats = new FindingFormats(Clock.systemUTC());
        assertThat(formats.all()).extracting(FindingFormat::name).containsExactly("csv", "sarif", "ocsf");
        assertThat(formats.require(" SARIF ").mediaType()).isEqualTo("application/sarif+json");
        assertThatThrownBy(() -> formats.require("xml")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("csv, sarif, ocsf");
    }
}
