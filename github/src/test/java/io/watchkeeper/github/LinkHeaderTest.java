package io.watchkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.model.WatchkeeperException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    private static final URI ENDPOINT = URI.create("https://api.github.com");

    @Test
    void followsRelNextAndStopsWithoutIt() {
        String header = "<https://api.github.com/organizations/1/repos?page=2&per_page=100>; rel=\"next\", "
                + "<https://api.github.com/organizations/1/repos?page=9&per_page=100>; rel=\"last\"";
        assertThat(LinkHeader.next(header, ENDPOINT)).hasToString("https://api.github.com/organizations/1/repos?page=2&per_page=100");
        assertThat(LinkHeader.next("<https://api.github.com/x?page=1>; rel=\"first\"", ENDPOINT)).isNull();
        assertThat(LinkHeader.next(null, ENDPOINT)).isNull();
    }

    @Test
    void refusesToFollowALinkAwayFromTheEndpoint() {
        // a token must never travel to another host because a Link header says so
        assertThatThrownBy(() -> LinkHeader.next("<https://evil.example/steal?page=2>; rel=\"next\"", ENDPOINT))
                .isInstanceOf(WatchkeeperException.class).hasMessageContaining("evil.example");
        assertThatThrownBy(() -> LinkHeader.next("<http://api.github.com/x?page=2>; rel=\"next\"", ENDPOINT))
                .isInstanceOf(WatchkeeperException.class);
        assertThatThrownBy(() -> LinkHeader.next("<https://api.github.com:8443/x?page=2>; rel=\"next\"", ENDPOINT))
                .isInstanceOf(WatchkeeperException.class);
    }
}
