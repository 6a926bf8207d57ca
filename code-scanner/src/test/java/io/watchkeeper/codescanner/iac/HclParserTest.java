package io.watchkeeper.codescanner.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.codescanner.iac.hcl.Body;
import io.watchkeeper.codescanner.iac.hcl.Expr;
import io.watchkeeper.codescanner.iac.hcl.HclException;
import io.watchkeeper.codescanner.iac.hcl.HclParser;
import org.junit.jupiter.api.Test;

class HclParserTest {

    @Test
    void blocksAttributesAndLines() {
        Body body = HclParser.parse("""
                # a comment
                resource "aws_s3_bucket" "logs" {
                  bucket = "billing-logs" // trailing
                  tags = {
                    Team = "data", "Cost-Centre" = 42
                  }
                  /* block
                     comment */
                  versioning {
                    enabled = true
                  }
                }
                variable "x" {}
                """);
        assertThat(body.blocks()).hasSize(2);
        Body.Block r = body.blocks().getFirst();
        assertThat(r.type()).isEqualTo("resource");
        assertThat(r.labels()).containsExactly("aws_s3_bucket", "logs");
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.endLine()).isEqualTo(12);
        assertThat(r.body().attribute("bucket").line()).isEqualTo(3);
        assertThat(r.body().attribute("tags").endLine()).isEqualTo(6);
        assertThat(r.body().attribute("tags").value()).isInstanceOf(Expr.ObjectExpr.class);
        assertThat(((Expr.ObjectExpr) r.body().attribute("tags").value()).entries()).hasSize(2);
        assertThat(r.body().blocks().getFirst().type()).isEqualTo("versioning");
        assertThat(r.body().blocks().getFirst().line()).isEqualTo(9);
        assertThat(body.blocks().get(1).labels()).containsExactly("x");
    }

    @Test
    void expressions() {
        Body body = HclParser.parse("""
                a = var.enabled ? "on" : "off"
                b = "arn:aws:s3:::${var.name}/*"
                c = [1, 2.5, -3, 1e3,
                     "x",]
                d = jsonencode({
                  Statement = [{ Effect = "Allow", Action = "s3:*" }]
                })
                e = aws_s3_bucket.logs.id
                f = local.items[0].name
                g = aws_instance.web[*].id
                h = !true && (1 + 2 * 3) >= 7 || false
                i = [for s in var.list : upper(s) if s != ""]
                j = "$${literal} %%{literal}"
                k = "\\u00e9\\n\\t\\"q\\""
                l = { for k, v in var.m : k => v }
                m = "%{ if var.x }yes%{ endif }"
                n = <<-EOT
                    line one ${var.name}
                      two
                    EOT
                o = 1
                """);
        assertThat(body.attribute("a").value()).isInstanceOf(Expr.Conditional.class);
        assertThat(body.attribute("b").value()).isInstanceOf(Expr.Template.class);
        assertThat(((Expr.ListExpr) body.attribute("c").value()).items()).hasSize(5);
        assertThat(body.attribute("d").value()).isInstanceOf(Expr.Call.class);
        assertThat(body.attribute("e").value()).isInstanceOf(Expr.GetAttr.class);
        assertThat(body.attribute("f").value()).isInstanceOf(Expr.GetAttr.class);
        assertThat(body.attribute("g").value()).isInstanceOf(Expr.GetAttr.class);
        assertThat(body.attribute("h").value()).isInstanceOf(Expr.Binary.class);
        assertThat(body.attribute("i").value()).isInstanceOf(Expr.Unsupported.class);
        assertThat(((Expr.Literal) body.attribute("j").value()).value()).isEqualTo(Value.str("${literal} %{literal}"));
        assertThat(((Expr.Literal) body.attribute("k").value()).value()).isEqualTo(Value.str("é\n\t\"q\""));
        assertThat(body.attribute("l").value()).isInstanceOf(Expr.Unsupported.class);
        assertThat(body.attribute("m").value()).isInstanceOf(Expr.Unsupported.class);
        Expr.Template heredoc = (Expr.Template) body.attribute("n").value();
        assertThat(((Expr.Literal) heredoc.parts().getFirst()).value()).isEqualTo(Value.str("line one "));
        assertThat(((Expr.Literal) heredoc.parts().getLast()).value()).isEqualTo(Value.str("\n  two\n"));
        assertThat(body.attribute("o").line()).isEqualTo(21);
    }

    @Test
    void singleLineBlocksAndEmptyBodies() {
        Body body = HclParser.parse("terraform { required_version = \">= 1.5\" }\nlocals {}\n");
        assertThat(body.blocks()).hasSize(2);
        assertThat(body.blocks().getFirst().body().attributes()).hasSize(1);
    }

    @Test
    void malformedInputFailsWithALine() {
        assertThatThrownBy(() -> HclParser.parse("a = \"open\n")).isInstanceOf(HclException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HclParser.parse("resource \"x\" \"y\" {\n  a = 1\n")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> HclParser.parse("a = 1 b = 2\n")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> HclParser.parse("a = \"${var.x\"\n")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> HclParser.parse("a = <<EOT\nno end\n")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> HclParser.parse("/* open")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> HclParser.parse("a = @\n")).isInstanceOf(HclException.class).hasMessageContaining("U+0040");
    }

    @Test
    void hostileNestingIsBoundedNotAStackOverflow() {
        String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertThatThrownBy(() -> HclParser.parse(deep)).isInstanceOf(HclException.class).hasMessageContaining("nested too deeply");
        String blocks = "b {\n".repeat(10_000) + "}\n".repeat(10_000);
        assertThatThrownBy(() -> HclParser.parse(blocks)).isInstanceOf(HclException.class).hasMessageContaining("nested too deeply");
        String templates = "a = " + "\"${".repeat(2_000) + "1" + "}\"".repeat(2_000) + "\n";
        assertThatThrownBy(() -> HclParser.parse(templates)).isInstanceOf(HclException.class);
        String unary = "a = " + "!".repeat(100_000) + "true\n";
        assertThatThrownBy(() -> HclParser.parse(unary)).isInstanceOf(HclException.class).hasMessageContaining("nested too deeply");
    }
}
