package io.watchkeeper.codescanner.iac.hcl;

import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.codescanner.iac.hcl.HclLexer.Kind;
import io.watchkeeper.codescanner.iac.hcl.HclLexer.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser of HCL2 native syntax (the Terraform language's files): bodies of
 * attributes and blocks, and the expression grammar (literals, templates and heredocs, traversals
 * with attribute, index and splat steps, function calls, lists and objects, conditionals, unary and
 * binary operators). {@code for} expressions and template directives are parsed past and left
 * unevaluated. Written here because no maintained Java HCL2 parser fits (see docs/architecture.md):
 * bounded nesting ({@link #MAX_DEPTH}) and token count, so a hostile file fails with an
 * {@link HclException} instead of exhausting the stack.
 */
public final class HclParser {

    public static final int MAX_DEPTH = 64;

    private static final List<Set<String>> BINARY = List.of(Set.of("||"), Set.of("&&"), Set.of("==", "!="),
            Set.of("<", ">", "<=", ">="), Set.of("+", "-"), Set.of("*", "/", "%"));

    private final List<Token> tokens;
    private final int depthOffset;
    private int at;
    private int nesting; // open brackets in the current expression: newlines are insignificant inside
    private int depth;

    private HclParser(List<Token> tokens, int depthOffset) {
        this.tokens = tokens;
        this.depthOffset = depthOffset;
    }

    /** Parses one file's body. */
    public static Body parse(String source) {
        HclParser p = new HclParser(HclLexer.tokens(source, 1), 0);
        Body body = p.body(false);
        p.skipNewlines();
        if (p.peek().kind() != Kind.EOF) {
            throw new HclException("unexpected '" + p.peek().text() + "'", p.peek().line());
        }
        return body;
    }

    /** Parses one expression (an interpolation's source). */
    static Expr expression(String source, int line, int depth) {
        if (depth > MAX_DEPTH) {
            throw new HclException("templates nested too deeply", line);
        }
        HclParser p = new HclParser(HclLexer.tokens(source, line), depth);
        p.nesting = 1;
        Expr e = p.expr();
        if (p.peek().kind() != Kind.EOF) {
            throw new HclException("unexpected '" + p.peek().text() + "' in interpolation", p.peek().line());
        }
        return e;
    }

    // ---- bodies

    private Body body(boolean inBlock) {
        List<Body.Attribute> attributes = new ArrayList<>();
        List<Body.Block> blocks = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token t = peek();
            if (t.kind() == Kind.EOF || (inBlock && t.is("}"))) {
                return new Body(attributes, blocks);
            }
            if (t.kind() != Kind.IDENT) {
                throw new HclException("expected an attribute or block, found '" + shown(t) + "'", t.line());
            }
            next();
            Token after = peek();
            if (after.is("=")) {
                next();
                Expr value = expr();
                Token end = peek();
                if (end.kind() != Kind.NEWLINE && end.kind() != Kind.EOF && !(inBlock && end.is("}"))) {
                    throw new HclException("expected a newline after attribute " + t.text() + ", found '" + shown(end) + "'",
                            end.line());
                }
                attributes.add(new Body.Attribute(t.text(), value, t.line(), lastLine()));
            } else {
                List<String> labels = new ArrayList<>();
                while (peek().kind() == Kind.IDENT || peek().kind() == Kind.STRING) {
                    Token label = next();
                    labels.add(label.kind() == Kind.IDENT ? label.text() : plain(label));
                }
                expect("{");
                enter(t.line());
                Body inner = body(true);
                depth--;
                Token close = expect("}");
                blocks.add(new Body.Block(t.text(), labels, inner, t.line(), close.line()));
            }
        }
    }

    private static String plain(Token label) {
        StringBuilder b = new StringBuilder();
        for (HclLexer.Part p : label.parts()) {
            if (p.literal() == null) {
                throw new HclException("a block label cannot hold an interpolation", label.line());
            }
            b.append(p.literal());
        }
        return b.toString();
    }

    // ---- expressions

    private Expr expr() {
        enter(peek().line());
        try {
            Expr cond = binary(0);
            if (peek().is("?")) {
                next();
                Expr yes = expr();
                expect(":");
                Expr no = expr();
                return new Expr.Conditional(cond, yes, no, cond.line());
            }
            return cond;
        } finally {
            depth--;
        }
    }

    private Expr binary(int level) {
        if (level == BINARY.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (peek().kind() == Kind.PUNCT && BINARY.get(level).contains(peek().text())) {
            String op = next().text();
            left = new Expr.Binary(op, left, binary(level + 1), left.line());
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("!") || peek().is("-")) {
            Token op = next();
            enter(op.line());
            try {
                return new Expr.Unary(op.text(), unary(), op.line());
            } finally {
                depth--;
            }
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            if (peek().is(".")) {
                Token dot = next();
                Token name = next();
                if (name.is("*")) {
                    e = new Expr.Splat(e, dot.line());
                } else if (name.kind() == Kind.IDENT) {
                    e = new Expr.GetAttr(e, name.text(), dot.line());
                } else if (name.kind() == Kind.NUMBER) {
                    e = new Expr.Index(e, new Expr.Literal(new Value.Num(new BigDecimal(name.text())), name.line()), dot.line());
                } else {
                    throw new HclException("expected an attribute name after '.'", name.line());
                }
            } else if (peek().is("[")) {
                Token open = next();
                nesting++;
                if (peek().is("*")) {
                    next();
                    e = new Expr.Splat(e, open.line());
                } else {
                    e = new Expr.Index(e, expr(), open.line());
                }
                expect("]");
                nesting--;
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                return new Expr.Literal(new Value.Num(new BigDecimal(t.text())), t.line());
            }
            case STRING -> {
                return template(t);
            }
            case IDENT -> {
                switch (t.text()) {
                    case "true" -> {
                        return new Expr.Literal(Value.bool(true), t.line());
                    }
                    case "false" -> {
                        return new Expr.Literal(Value.bool(false), t.line());
                    }
                    case "null" -> {
                        return new Expr.Literal(Value.NULL, t.line());
                    }
                    default -> {
                        if (peek().is("(")) {
                            return call(t);
                        }
                        return new Expr.Variable(t.text(), t.line());
                    }
                }
            }
            case PUNCT -> {
                if (t.is("(")) {
                    nesting++;
                    Expr inner = expr();
                    expect(")");
                    nesting--;
                    return inner;
                }
                if (t.is("[")) {
                    return list(t);
                }
                if (t.is("{")) {
                    return object(t);
                }
                throw new HclException("unexpected '" + t.text() + "'", t.line());
            }
            default -> throw new HclException("expected an expression, found '" + shown(t) + "'", t.line());
        }
    }

    private Expr template(Token t) {
        if (t.directive()) {
            return new Expr.Unsupported("template directive", t.line());
        }
        List<Expr> parts = new ArrayList<>();
        for (HclLexer.Part p : t.parts()) {
            parts.add(p.literal() != null ? new Expr.Literal(Value.str(p.literal()), p.line())
                    : expression(p.interpolation(), p.line(), depth + depthOffset + 1));
        }
        if (parts.size() == 1 && parts.getFirst() instanceof Expr.Literal) {
            return parts.getFirst();
        }
        return new Expr.Template(parts, t.line());
    }

    private Expr call(Token name) {
        next(); // (
        nesting++;
        List<Expr> args = new ArrayList<>();
        while (!peek().is(")")) {
            args.add(expr());
            if (peek().is("...")) {
                next();
            }
            if (!peek().is(",")) {
                break;
            }
            next();
        }
        expect(")");
        nesting--;
        String fn = name.text();
        if (peek().is(":") && peek(1).is(":")) { // provider::name::function
            return new Expr.Unsupported("provider function", name.line());
        }
        return new Expr.Call(fn, args, name.line());
    }

    private Expr list(Token open) {
        nesting++;
        if (peek().kind() == Kind.IDENT && peek().text().equals("for")) {
            skipTo("]");
            expect("]");
            nesting--;
            return new Expr.Unsupported("for expression", open.line());
        }
        List<Expr> items = new ArrayList<>();
        while (!peek().is("]")) {
            items.add(expr());
            if (!peek().is(",")) {
                break;
            }
            next();
        }
        expect("]");
        nesting--;
        return new Expr.ListExpr(items, open.line());
    }

    private Expr object(Token open) {
        nesting++;
        if (peek().kind() == Kind.IDENT && peek().text().equals("for")) {
            skipTo("}");
            expect("}");
            nesting--;
            return new Expr.Unsupported("for expression", open.line());
        }
        List<Expr.Entry> entries = new ArrayList<>();
        while (!peek().is("}")) {
            Expr key;
            if (peek().kind() == Kind.IDENT && (peek(1).is("=") || peek(1).is(":"))) {
                Token k = next();
                key = new Expr.Literal(Value.str(k.text()), k.line());
            } else {
                key = expr();
            }
            Token sep = next();
            if (!sep.is("=") && !sep.is(":")) {
                throw new HclException("expected '=' or ':' in an object, found '" + shown(sep) + "'", sep.line());
            }
            entries.add(new Expr.Entry(key, expr()));
            if (peek().is(",")) {
                next();
            }
        }
        expect("}");
        nesting--;
        return new Expr.ObjectExpr(entries, open.line());
    }

    /** Skips balanced tokens up to (not including) the closing {@code close} of the current bracket. */
    private void skipTo(String close) {
        int level = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.EOF) {
                throw new HclException("unterminated expression", t.line());
            }
            if (level == 0 && t.is(close)) {
                return;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                level++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                level--;
            }
            next();
        }
    }

    // ---- tokens

    private void enter(int line) {
        if (++depth + depthOffset > MAX_DEPTH) {
            throw new HclException("nested too deeply", line);
        }
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        int i = at;
        int seen = 0;
        while (true) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.NEWLINE && nesting > 0) {
                i++;
                continue;
            }
            if (seen == ahead || t.kind() == Kind.EOF) {
                return t;
            }
            seen++;
            i++;
        }
    }

    private Token next() {
        while (nesting > 0 && tokens.get(at).kind() == Kind.NEWLINE) {
            at++;
        }
        Token t = tokens.get(at);
        if (t.kind() != Kind.EOF) {
            at++;
        }
        return t;
    }

    private int lastLine() {
        return at == 0 ? 1 : tokens.get(at - 1).line();
    }

    private void skipNewlines() {
        while (tokens.get(at).kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private Token expect(String punct) {
        Token t = next();
        if (!t.is(punct)) {
            throw new HclException("expected '" + punct + "', found '" + shown(t) + "'", t.line());
        }
        return t;
    }

    private static String shown(Token t) {
        return switch (t.kind()) {
            case NEWLINE -> "newline";
            case EOF -> "end of file";
            case STRING -> "string";
            default -> t.text().length() > 40 ? t.text().substring(0, 40) : t.text();
        };
    }
}
