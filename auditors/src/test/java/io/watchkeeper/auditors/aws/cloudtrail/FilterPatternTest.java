package io.watchkeeper.auditors.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Filter patterns compared by meaning: whitespace, quoting, parentheses and term order do not matter. */
class FilterPatternTest {

    @Test
    void whitespaceQuotesAndTermOrderDoNotMatter() {
        String cis = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }";
        String same = "{($.eventName=\"DeleteTrail\")||($.eventName = \"CreateTrail\")  ||\n ($.eventName=UpdateTrail)}";
        assertThat(FilterPattern.canonical(same)).isPresent().isEqualTo(FilterPattern.canonical(cis));
        assertThat(FilterPattern.canonical("{ (($.eventName = CreateTrail) || (($.eventName = UpdateTrail))) || "
                + "$.eventName = DeleteTrail }")).as("redundant parentheses").isEqualTo(FilterPattern.canonical(cis));
    }

    @Test
    void differentTermsOrOperatorsOrGroupingAreDifferent() {
        String cis = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) }";
        assertThat(FilterPattern.canonical("{ ($.eventName = CreateTrail) }")).isNotEqualTo(FilterPattern.canonical(cis));
        assertThat(FilterPattern.canonical("{ ($.eventName = CreateTrail) && ($.eventName = UpdateTrail) }"))
                .isNotEqualTo(FilterPattern.canonical(cis));
        assertThat(FilterPattern.canonical("{ ($.eventName != CreateTrail) || ($.eventName = UpdateTrail) }"))
                .isNotEqualTo(FilterPattern.canonical(cis));
        assertThat(FilterPattern.canonical("{ $.a = 1 || $.b = 2 && $.c = 3 }"))
                .as("&& binds tighter than ||").isNotEqualTo(FilterPattern.canonical("{ ($.a = 1 || $.b = 2) && $.c = 3 }"))
                .isEqualTo(FilterPattern.canonical("{ $.a = 1 || ($.c = 3 && $.b = 2) }"));
        assertThat(FilterPattern.canonical("{ $.a = \"x,y\" }")).isNotEqualTo(FilterPattern.canonical("{ $.a = x || $.a = y }"));
    }

    @Test
    void existenceTestsAreTerms() {
        assertThat(FilterPattern.canonical("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                + "$.eventType != \"AwsServiceEvent\" }")).isEqualTo(FilterPattern.canonical(
                "{($.eventType!=AwsServiceEvent) && ($.userIdentity.invokedBy not exists) && ($.userIdentity.type=Root)}"));
    }

    @Test
    void anythingElseHasNoCanonicalForm() {
        for (String odd : new String[] {null, "", "ERROR", "[ip, user]", "{ $.a = }", "{ ($.a = 1 }", "{ $.a = 1 ) }",
                "{ a = 1 }", "{ $.a = \"unterminated }", "{ $.a ~ 1 }", "{ $.a = 1 }\u0000", "{" + "(".repeat(100)
                + "$.a = 1" + ")".repeat(100) + "}", "{ $.a = " + "x".repeat(5000) + " }"}) {
            assertThat(FilterPattern.canonical(odd)).as(String.valueOf(odd)).isEmpty();
        }
    }

    @Test
    void everyBenchmarkPatternParses() {
        assertThat(CisMetricFilters.ALL).hasSize(15);
        assertThat(CisMetricFilters.ALL).extracting(CisMetricFilters.Control::cis)
                .containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12",
                        "4.13", "4.14", "4.15");
        assertThat(CisMetricFilters.ALL.get(4).accepts("{($.eventName=StopLogging)||($.eventName=StartLogging)||"
                + "($.eventName=DeleteTrail)||($.eventName=UpdateTrail)||($.eventName=CreateTrail)}")).isTrue();
        assertThat(CisMetricFilters.ALL.get(4).accepts("{($.eventName=StopLogging)||($.eventName=StartLogging)}")).isFalse();
    }
}
