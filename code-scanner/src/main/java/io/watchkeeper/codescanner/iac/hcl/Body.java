package io.watchkeeper.codescanner.iac.hcl;

import java.util.List;

/**
 * An HCL2 body: attributes and blocks in file order.
 *
 * @param attributes {@code name = expression} items
 * @param blocks {@code type "label" ... { body }} items
 */
public record Body(List<Attribute> attributes, List<Block> blocks) {

    public Body {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    public record Attribute(String name, Expr value, int line, int endLine) {}

    public record Block(String type, List<String> labels, Body body, int line, int endLine) {
        public Block {
            labels = List.copyOf(labels);
        }
    }

    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
