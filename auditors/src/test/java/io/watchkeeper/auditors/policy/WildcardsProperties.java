package io.watchkeeper.auditors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Pattern comparison is sound: what {@code covers} says is covered and what {@code overlap} says is disjoint hold for values. */
class WildcardsProperties {

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab*?:").ofMaxLength(7);
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("ab:c").ofMaxLength(7);
    }

    @Property(tries = 3000)
    void whatAWidePatternCoversItMatches(@ForAll("patterns") String wide, @ForAll("patterns") String narrow,
                                         @ForAll("values") String value) {
        if (Wildcards.covers(wide, narrow) && Wildcards.matches(narrow, value)) {
            assertThat(Wildcards.matches(wide, value)).as("%s covers %s but not %s", wide, narrow, value).isTrue();
        }
    }

    @Property(tries = 3000)
    void patternsThatDoNotOverlapShareNoValue(@ForAll("patterns") String p, @ForAll("patterns") String q,
                                              @ForAll("values") String value) {
        if (!Wildcards.overlap(p, q)) {
            assertThat(Wildcards.matches(p, value) && Wildcards.matches(q, value)).as("%s and %s share %s", p, q, value)
                    .isFalse();
        }
    }

    @Property(tries = 1000)
    void aPatternCoversItselfAndOverlapsWhatItMatches(@ForAll("patterns") String p, @ForAll("values") String value) {
        assertThat(Wildcards.covers(p, p)).isTrue();
        if (Wildcards.matches(p, value)) {
            assertThat(Wildcards.overlap(p, value)).isTrue();
            assertThat(Wildcards.covers(p, value)).isTrue();
        }
    }
}
