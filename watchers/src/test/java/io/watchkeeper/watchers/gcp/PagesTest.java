package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page tokens are followed to the end, and a server that repeats one fails the listing instead of looping. */
class PagesTest {

    /** A gax page served from a fixed list of (values, next token) pairs; a token names the next page's index. */
    private record FakePage(List<List<String>> pages, List<String> tokens, int index)
            implements com.google.api.gax.paging.Page<String> {
        @Override
        public boolean hasNextPage() {
            return !getNextPageToken().isEmpty();
        }

        @Override
        public String getNextPageToken() {
            return tokens.get(index);
        }

        @Override
        public FakePage getNextPage() {
            return new FakePage(pages, tokens, Math.min(index + 1, pages.size() - 1));
        }

        @Override
        public Iterable<String> iterateAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getValues() {
            return pages.get(index);
        }
    }

    @Test
    void followsTokensToTheLastPage() {
        var first = new FakePage(List.of(List.of("a", "b"), List.of("c")), List.of("t1", ""), 0);
        assertThat(Pages.all(first)).containsExactly("a", "b", "c");
        assertThat(Pages.<String>all(token -> token == null ? new Pages.Page<>(List.of("x"), "t")
                : new Pages.Page<>(null, null))).containsExactly("x");
    }

    @Test
    void aRepeatedTokenFailsTheListingInsteadOfLoopingForEver() {
        // a client that drops the page token gets the first page again and again (the KMS locations mixin did)
        var looping = new FakePage(List.of(List.of("a")), List.of("same"), 0);
        assertThatThrownBy(() -> Pages.all(looping)).isInstanceOfSatisfying(WatchkeeperException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE));
        assertThatThrownBy(() -> Pages.<String>all(token -> new Pages.Page<>(List.of("a"), "same")))
                .isInstanceOf(WatchkeeperException.class).hasMessageContaining("twice");
    }
}
