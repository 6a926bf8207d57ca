package io.watchkeeper.codescanner.corpus;

import java.util.List;

/**
 * One thing planted in the corpus: the lines it renders to and, for a true secret, its labels
 * (family and the secret as the rule captures it). Hard negatives have no labels.
 */
record Planted(List<String> lines, List<Label> labels, String kind) {

    /** A labelled secret: its family and the secret text the matching rule captures (before normalisation). */
    record Label(String family, String secret) {}

    static Planted negative(String kind, String... lines) {
        return new Planted(List.of(lines), List.of(), kind);
    }

    static Planted positive(String family, String secret, String... lines) {
        return new Planted(List.of(lines), List.of(new Label(family, secret)), family);
    }

    boolean positive() {
        return !labels.isEmpty();
    }
}
