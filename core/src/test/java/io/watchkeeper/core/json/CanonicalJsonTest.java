package io.watchkeeper.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    record Key(String id, String status, @Ephemeral Instant lastUsed) {}

    record User(String name, Map<String, String> tags, List<Key> keys, @Ephemeral Integer loginCount, String path) {}

    @Test
    void sameMeaningGivesSameTextAndHashes() {
        var a = CanonicalJson.of(new User("alice", Map.of("b", "2", "a", "1"), List.of(), 3, null));
        var b = CanonicalJson.of(new User("alice", Map.of("a", "1", "b", "2"), List.of(), 3, null));
        assertThat(a.fullText()).isEqualTo(b.fullText());
        assertThat(a.fullText()).isEqualTo("{\"keys\":[],\"loginCount\":3,\"name\":\"alice\",\"tags\":{\"a\":\"1\",\"b\":\"2\"}}");
        assertThat(a.fullHash()).isEqualTo(b.fullHash()).hasSize(64);
    }

    @Test
    void ephemeralValuesChangeOnlyTheFullHash() {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-02-01T00:00:00Z");
        var a = CanonicalJson.of(new User("alice", Map.of(), List.of(new Key("AK1", "Active", t1)), 1, "/"));
        var b = CanonicalJson.of(new User("alice", Map.of(), List.of(new Key("AK1", "Active", t2)), 9, "/"));
        assertThat(a.durableHash()).isEqualTo(b.durableHash());
        assertThat(a.fullHash()).isNotEqualTo(b.fullHash());
        assertThat(a.durable().toString()).doesNotContain("lastUsed").doesNotContain("loginCount");
        assertThat(a.full().toString()).contains("lastUsed").contains("loginCount");
    }

    @Test
    void durableChangesChangeTheDurableHash() {
        var a = CanonicalJson.of(new User("alice", Map.of(), List.of(new Key("AK1", "Active", null)), 1, "/"));
        var b = CanonicalJson.of(new User("alice", Map.of(), List.of(new Key("AK1", "Inactive", null)), 1, "/"));
        assertThat(a.durableHash()).isNotEqualTo(b.durableHash());
    }

    @Test
    void ephemeralPathsAreDerivedFromTheRecordStructure() {
        assertThat(EphemeralPaths.of(User.class).describe())
                .containsExactlyInAnyOrder("keys/*/lastUsed", "loginCount");
    }

    @Test
    void strippingAStoredTreeMatchesTheDurableViewAndLeavesTheInputAlone() {
        var c = CanonicalJson.of(new User("bob", Map.of(), List.of(new Key("AK2", "Active", Instant.EPOCH)), 4, "/"));
        var stripped = EphemeralPaths.of(User.class).strip(c.full());
        assertThat(stripped).isEqualTo(c.durable());
        assertThat(c.full().toString()).contains("lastUsed");
    }
}
