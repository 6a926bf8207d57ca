package io.watchkeeper.web.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IacSuggestionsTest {

    private static final List<String> ACCESS_BLOCK = """
            resource "aws_s3_bucket_public_access_block" "exports" {
              bucket                  = aws_s3_bucket.exports.id
              block_public_acls       = false
              block_public_policy     = false # for now
              ignore_public_acls      = "false"
              restrict_public_buckets = false
            }
            """.lines().toList();

    @Test
    void severalInsecureLinesOfOneDeclarationGetOneSuggestionOverTheirRange() {
        IacSuggestions.Suggestion s = IacSuggestions.suggest("aws.s3.bucket/block-public-access-off", ACCESS_BLOCK, 1, 7,
                n -> true);
        assertThat(s).isNotNull();
        assertThat(s.startLine()).isEqualTo(3);
        assertThat(s.line()).isEqualTo(6);
        assertThat(s.replacement()).isEqualTo(String.join("\n",
                "  block_public_acls       = true",
                "  block_public_policy     = true # for now",
                "  ignore_public_acls      = true",
                "  restrict_public_buckets = true"));
    }

    @Test
    void linesBetweenInsecureOnesAreKeptAsTheyAre() {
        List<String> lines = List.of("resource \"aws_s3_bucket_public_access_block\" \"x\" {",
                "  block_public_acls = false", "  bucket            = \"b\"", "  ignore_public_acls = false", "}");
        IacSuggestions.Suggestion s = IacSuggestions.suggest("aws.s3.bucket/block-public-access-off", lines, 1, 5, n -> true);
        assertThat(s).isEqualTo(new IacSuggestions.Suggestion(2, 4,
                "  block_public_acls = true\n  bucket            = \"b\"\n  ignore_public_acls = true"));
    }

    @Test
    void noSuggestionWhenALineOfTheRangeIsNotAddedOrCouldCloseTheBlock() {
        assertThat(IacSuggestions.suggest("aws.s3.bucket/block-public-access-off", ACCESS_BLOCK, 1, 7, n -> n != 5)).isNull();
        List<String> tick = List.of("  block_public_acls = false", "  bucket = \"`b`\"", "  ignore_public_acls = false");
        assertThat(IacSuggestions.suggest("aws.s3.bucket/block-public-access-off", tick, 1, 3, n -> true)).isNull();
        List<String> far = new java.util.ArrayList<>(List.of("  block_public_acls = false"));
        for (int i = 0; i < IacSuggestions.MAX_RANGE; i++) {
            far.add("  # filler");
        }
        far.add("  ignore_public_acls = false");
        assertThat(IacSuggestions.suggest("aws.s3.bucket/block-public-access-off", far, 1, far.size(), n -> true)).isNull();
    }

    @Test
    void oneInsecureLineStaysAOneLineSuggestion() {
        List<String> lines = List.of("resource \"aws_db_instance\" \"a\" {", "  storage_encrypted = false", "}");
        assertThat(IacSuggestions.suggest("aws.rds.instance/unencrypted", lines, 1, 3, n -> true))
                .isEqualTo(new IacSuggestions.Suggestion(2, 2, "  storage_encrypted = true"));
        assertThat(IacSuggestions.suggest("aws.rds.instance/unencrypted", lines, 1, 3, n -> n != 2)).isNull();
    }
}
