package io.watchkeeper.codescanner.iac.hcl;

import io.watchkeeper.codescanner.iac.Value;
import java.util.List;

/** An HCL2 expression, as parsed; {@link HclEvaluator}-style evaluation happens elsewhere. */
public sealed interface Expr {

    int line();

    record Literal(Value value, int line) implements Expr {}

    /** A string template: literal parts ({@link Literal} strings) and interpolated expressions. */
    record Template(List<Expr> parts, int line) implements Expr {}

    /** The root of a traversal ({@code var}, {@code local}, {@code aws_s3_bucket}, {@code each}...). */
    record Variable(String name, int line) implements Expr {}

    record GetAttr(Expr target, String name, int line) implements Expr {}

    record Index(Expr target, Expr key, int line) implements Expr {}

    record Splat(Expr target, int line) implements Expr {}

    record Call(String name, List<Expr> args, int line) implements Expr {}

    record ListExpr(List<Expr> items, int line) implements Expr {}

    record ObjectExpr(List<Entry> entries, int line) implements Expr {}

    /** One object item; an identifier key is a {@link Literal} string. */
    record Entry(Expr key, Expr value) {}

    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    /** Something parsed but never evaluated statically (for expressions, template directives). */
    record Unsupported(String what, int line) implements Expr {}
}
