package io.watchkeeper.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRulesTest {

    private static SecretRules load(String yaml) {
        return SecretRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String MINIMAL_TAIL = """
            value-filters:
              placeholder-words: [example]
              template-markers: ['${']
              identifier: '^[A-Z_]+$'
              uuid: '^x$'
              hash-prefixes: []
              hash-names: 'sha'
              path-or-url: '^/'
              default-passwords: []
            contexts: {}
            skip:
              vendored: 'node_modules/'
              generated: '\\.min\\.js$'
              generated-markers: []
              binary-extensions: [png]
            """;

    @Test
    void builtInRulesLoadWithUniqueIdsAndCoverEveryFamilyTheIssueNames() {
        SecretRules rules = SecretRules.builtIn();
        Set<String> ids = new HashSet<>();
        rules.rules().forEach(r -> assertThat(ids.add(r.id())).as(r.id()).isTrue());
        rules.fileRules().forEach(r -> assertThat(ids.add(r.id())).as(r.id()).isTrue());
        Set<String> families = new HashSet<>();
        rules.rules().forEach(r -> families.add(r.family()));
        rules.fileRules().forEach(r -> families.add(r.family()));
        assertThat(families).contains("github", "aws", "gcp", "private-key", "slack", "stripe", "twilio", "sendgrid",
                "npm", "pypi", "azure", "jwt", "database-url", "generic");
        assertThat(rules.rules()).allSatisfy(r -> {
            assertThat(r.keywords()).isNotEmpty();
            assertThat(r.pattern().pattern()).contains("(?<secret>");
        });
        assertThat(rules.rules().stream().filter(r -> "aws-access-key".equals(r.inventory()))).hasSize(1);
    }

    @Test
    void aRuleFileIsDataAndItsRulesAreLoaded() {
        SecretRules rules = load("""
                version: 1
                rules:
                  - id: acme-token
                    family: acme
                    severity: high
                    keywords: [acme_]
                    pattern: 'acme_(?<secret>[a-z0-9]{20})'
                """ + MINIMAL_TAIL);
        assertThat(rules.rules()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("acme-token");
            assertThat(r.window()).isEqualTo(SecretRule.Window.LINE);
        });
        SecretDetector detector = new SecretDetector(rules, 4096);
        byte[] text = "x = 'acme_k3j4h5g6f7d8s9a0q1w2'\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(detector.detect("a.py", text, text.length)).singleElement()
                .satisfies(c -> assertThat(c.secret()).isEqualTo("k3j4h5g6f7d8s9a0q1w2"));
    }

    @Test
    void invalidRuleFilesAreBadInputNamingTheRule() {
        String head = "version: 1\nrules:\n  - id: r1\n    family: f\n    severity: high\n    keywords: [k]\n";
        assertThatThrownBy(() -> load(head + "    pattern: '(?<secret>[a-z'\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rule r1").hasMessageContaining("bad pattern");
        assertThatThrownBy(() -> load(head + "    pattern: '[a-z]+'\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("named group 'secret'");
        assertThatThrownBy(() -> load(head + "    pattern: '(?<secret>x)'\n    check: crc64\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown check 'crc64'");
        assertThatThrownBy(() -> load(head + "    pattern: '(?<secret>x)'\n    filters: [vibes]\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown filter 'vibes'");
        assertThatThrownBy(() -> load(head + "    pattern: '(?<secret>x)'\n    colour: red\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> load(head + "    pattern: '(?<secret>x)'\n" + head.substring(head.indexOf("  - id")) + "    pattern: '(?<secret>y)'\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duplicate rule id 'r1'");
        assertThatThrownBy(() -> load("version: 2\nrules: []\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("version must be 1");
        assertThatThrownBy(() -> load("rules: [unclosed\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void ahoCorasickFindsEveryKeywordOnceInOnePassCaseInsensitively() {
        AhoCorasick ac = new AhoCorasick(java.util.List.of("he", "she", "his", "hers", "ghp_"));
        byte[] text = "uSHErs his GHP_x".getBytes(StandardCharsets.US_ASCII);
        java.util.List<String> hits = new java.util.ArrayList<>();
        ac.scan(text, 0, text.length, (k, end) -> hits.add(k + "@" + end));
        // she and he end at 4, hers at 6, his at 10, ghp_ at 15 (offsets just after the last byte)
        assertThat(hits).containsExactlyInAnyOrder("1@4", "0@4", "3@6", "2@10", "4@15");
        // the first hit only: where the earliest keyword ends, or -1 (bytes above 127 included)
        assertThat(ac.first(text, 0, text.length)).isEqualTo(4);
        assertThat(ac.first(text, 4, text.length)).isEqualTo(10); // from "rs his": hers is cut, his ends at 10
        byte[] none = "\u00e9t\u00e9 sans mots".getBytes(StandardCharsets.UTF_8);
        assertThat(ac.first(none, 0, none.length)).isEqualTo(-1);
    }

    @Test
    void requiresSkipsWindowsWithoutTheCharactersAndIsValidated() {
        String rule = """
                version: 1
                rules:
                  - id: assign
                    family: generic
                    severity: medium
                    keywords: [token]
                    pattern: '(?i:token)\\s*[:=]\\s*(?<secret>[a-z0-9]{12})'
                """;
        SecretDetector detector = new SecretDetector(load(rule + "    requires: '=:'\n" + MINIMAL_TAIL), 4096);
        byte[] text = "token = abcdef123456\nthe token abcdef123456\ntoken: abcdef654321\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(detector.detect("a.py", text, text.length)).extracting(Candidate::startLine).containsExactly(1, 3);
        assertThatThrownBy(() -> load(rule + "    requires: ''\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rule assign").hasMessageContaining("requires");
        assertThatThrownBy(() -> load(rule + "    requires: '\u00e9'\n" + MINIMAL_TAIL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("requires");
    }
}
