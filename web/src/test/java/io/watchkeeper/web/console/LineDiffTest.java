package io.watchkeeper.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.web.console.LineDiff.Row;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void unchangedLinesStayAlignedAndAChangedLinePairsWithItsReplacement() {
        List<Row> rows = LineDiff.rows("{\n  \"a\" : 1,\n  \"b\" : 2\n}", "{\n  \"a\" : 1,\n  \"b\" : 3\n}");
        assertThat(rows).containsExactly(
                new Row("{", "{", "same", "same"),
                new Row("  \"a\" : 1,", "  \"a\" : 1,", "same", "same"),
                new Row("  \"b\" : 2", "  \"b\" : 3", "del", "add"),
                new Row("}", "}", "same", "same"));
    }

    @Test
    void insertionsAndDeletionsFaceAGap() {
        assertThat(LineDiff.rows("a\nb\nc", "a\nx\ny\nc")).containsExactly(
                new Row("a", "a", "same", "same"),
                new Row("b", "x", "del", "add"),
                new Row(null, "y", "gap", "add"),
                new Row("c", "c", "same", "same"));
        assertThat(LineDiff.rows("a\nb\nc\nd", "a\nd")).containsExactly(
                new Row("a", "a", "same", "same"),
                new Row("b", null, "del", "gap"),
                new Row("c", null, "del", "gap"),
                new Row("d", "d", "same", "same"));
        assertThat(LineDiff.rows(null, "new")).containsExactly(new Row(null, "new", "gap", "add"));
        assertThat(LineDiff.rows("old", null)).containsExactly(new Row("old", null, "del", "gap"));
        assertThat(LineDiff.rows("same\n", "same\n")).containsExactly(new Row("same", "same", "same", "same"));
    }

    @Test
    void everyLineOfBothSidesAppearsOnceInOrder() {
        String left = String.join("\n", "k", "a", "b", "c", "a", "b", "b", "a");
        String right = String.join("\n", "c", "b", "a", "b", "a", "c", "k");
        List<Row> rows = LineDiff.rows(left, right);
        assertThat(rows.stream().map(Row::left).filter(l -> l != null).toList()).isEqualTo(left.lines().toList());
        assertThat(rows.stream().map(Row::right).filter(r -> r != null).toList()).isEqualTo(right.lines().toList());
        assertThat(rows).filteredOn(r -> r.leftCss().equals("same")).allSatisfy(r -> assertThat(r.left()).isEqualTo(r.right()));
    }

    @Test
    void hugeInputsAreComparedByPositionFast() {
        String left = String.join("\n", Collections.nCopies(LineDiff.MAX_LINES + 1, "x"));
        String right = String.join("\n", Collections.nCopies(LineDiff.MAX_LINES + 2, "y"));
        long start = System.nanoTime();
        List<Row> rows = LineDiff.rows(left, right);
        assertThat(rows).hasSize(LineDiff.MAX_LINES + 2);
        assertThat(rows.getLast()).isEqualTo(new Row(null, "y", "gap", "add"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}
