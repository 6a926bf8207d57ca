package io.watchkeeper.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonPatchTest {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    @Test
    void equalDocumentsGiveAnEmptyPatch() {
        JsonNode doc = Json.parse("{\"a\":[1,2,{\"b\":\"c\"}]}");
        assertThat(JsonPatch.diff(doc, doc.deepCopy())).isEmpty();
    }

    @Test
    void smallChangeInsideAListIsASmallPatch() {
        JsonNode a = Json.parse("{\"rules\":[{\"port\":22,\"cidr\":\"10.0.0.0/8\"},{\"port\":443,\"cidr\":\"0.0.0.0/0\"}]}");
        JsonNode b = Json.parse("{\"rules\":[{\"port\":22,\"cidr\":\"0.0.0.0/0\"},{\"port\":443,\"cidr\":\"0.0.0.0/0\"}]}");
        assertThat(JsonPatch.diff(a, b).toString())
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/rules/0/cidr\",\"value\":\"0.0.0.0/0\"}]");
    }

    @Test
    void keysWithSlashesAndTildesAreEscaped() {
        JsonNode a = Json.parse("{}");
        JsonNode b = Json.parse("{\"a/b~c\":1}");
        ArrayNode patch = JsonPatch.diff(a, b);
        assertThat(patch.get(0).get("path").asString()).isEqualTo("/a~1b~0c");
        assertThat(JsonPatch.apply(a, patch)).isEqualTo(b);
    }

    @Test
    void removalsInsertionsAndTypeChanges() {
        JsonNode a = Json.parse("{\"x\":[1,2,3,4],\"y\":{\"z\":1},\"gone\":true}");
        JsonNode b = Json.parse("{\"x\":[1,4],\"y\":\"now a string\",\"new\":[null]}");
        assertThat(JsonPatch.apply(a, JsonPatch.diff(a, b))).isEqualTo(b);
    }

    @Test
    void applyRejectsPatchesThatDoNotFit() {
        JsonNode a = Json.parse("{\"x\":1}");
        assertThatThrownBy(() -> JsonPatch.apply(a, Json.parse("[{\"op\":\"remove\",\"path\":\"/nope\"}]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPatch.apply(a, Json.parse("[{\"op\":\"move\",\"path\":\"/x\"}]")))
                .hasMessageContaining("unsupported");
    }

    @RepeatedTest(200)
    void diffThenApplyReproducesTheTarget() {
        Random random = new Random();
        long seed = random.nextLong();
        Random r = new Random(seed);
        JsonNode a = randomNode(r, 0);
        JsonNode b = r.nextBoolean() ? mutate(a, r) : randomNode(r, 0);
        assertThat(JsonPatch.apply(a, JsonPatch.diff(a, b))).as("seed %d", seed).isEqualTo(b);
    }

    private static JsonNode randomNode(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(3) : r.nextInt(5);
        return switch (kind) {
            case 0 -> N.numberNode(r.nextInt(5));
            case 1 -> N.stringNode("s" + r.nextInt(4));
            case 2 -> r.nextBoolean() ? N.booleanNode(r.nextBoolean()) : N.nullNode();
            case 3 -> {
                ArrayNode array = N.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    array.add(randomNode(r, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = N.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    object.set("k" + r.nextInt(6), randomNode(r, depth + 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode mutate(JsonNode node, Random r) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.set("k" + r.nextInt(6), randomNode(r, 2));
        } else if (copy instanceof ArrayNode a) {
            if (!a.isEmpty() && r.nextBoolean()) {
                a.remove(r.nextInt(a.size()));
            } else {
                a.insert(a.isEmpty() ? 0 : r.nextInt(a.size()), randomNode(r, 2));
            }
        } else {
            return randomNode(r, 1);
        }
        return copy;
    }
}
