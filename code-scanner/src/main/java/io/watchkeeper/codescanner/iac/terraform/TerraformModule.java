package io.watchkeeper.codescanner.iac.terraform;

import io.watchkeeper.codescanner.iac.IacFile;
import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.codescanner.iac.hcl.Body;
import io.watchkeeper.codescanner.iac.hcl.HclException;
import io.watchkeeper.codescanner.iac.hcl.HclParser;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.codescanner.iac.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Terraform module (the {@code .tf} files of a folder, with {@code terraform.tfvars} and
 * {@code *.auto.tfvars}) evaluated statically: input variables from their defaults and the
 * auto-loaded tfvars, locals, {@code aws_iam_policy_document} data sources, then every managed
 * resource's arguments. Values that need apply (other resources' attributes, other data sources,
 * variables without a value, {@code count}/{@code for_each} keys, child modules' outputs) stay unknown.
 */
public final class TerraformModule {

    /**
     * @param resources managed resources, in file order
     * @param unparsed files that did not parse, with the reason (skipped, never fatal)
     */
    public record Result(List<IacResource> resources, Map<String, String> unparsed, List<ModuleCall> calls) {

        public Result(List<IacResource> resources, Map<String, String> unparsed) {
            this(resources, unparsed, List.of());
        }
    }

    /**
     * A {@code module} block: its name, its {@code source} (null when not a static string) and its inputs
     * evaluated in the calling module.
     */
    public record ModuleCall(String name, String source, Map<String, Value> inputs) {}

    /** Arguments of a module block that are not inputs. */
    private static final Set<String> META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, Body.Attribute> localExprs = new HashMap<>();
    private final Map<String, Value> locals = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, Body.Block> policyDocs = new LinkedHashMap<>();
    private final Map<String, Value> policyJson = new HashMap<>();
    private final HclEvaluator evaluator = new HclEvaluator(this::resolve);

    private TerraformModule() {}

    /**
     * The {@code source} of each {@code module} block in a Terraform file that is a local path ({@code ./x},
     * {@code ../x}) written as a plain string; none when the file does not parse.
     */
    public static List<String> localModuleSources(String text) {
        List<String> out = new ArrayList<>();
        try {
            for (Body.Block b : HclParser.parse(text).blocks()) {
                Body.Attribute source = b.type().equals("module") && b.labels().size() == 1 ? b.body().attribute("source") : null;
                String s = source == null ? null : switch (source.value()) {
                    case io.watchkeeper.codescanner.iac.hcl.Expr.Literal l -> Value.text(l.value());
                    case io.watchkeeper.codescanner.iac.hcl.Expr.Template t when t.parts().size() == 1
                            && t.parts().getFirst() instanceof io.watchkeeper.codescanner.iac.hcl.Expr.Literal l -> Value.text(l.value());
                    default -> null;
                };
                if (s != null && (s.startsWith("./") || s.startsWith("../"))) {
                    out.add(s);
                }
            }
        } catch (HclException e) {
            return List.of();
        }
        return out;
    }

    public static boolean isTerraform(String name) {
        return name.endsWith(".tf") || isVars(name);
    }

    static boolean isVars(String name) {
        return name.equals("terraform.tfvars") || name.endsWith(".auto.tfvars");
    }

    /** Evaluates one folder's files (all from the same folder and version) as a root module. */
    public static Result evaluate(List<IacFile> files) {
        return evaluate(files, null, "");
    }

    /**
     * Evaluates a folder's files; with {@code inputs} (a child module called by another), its variables take
     * the caller's inputs over their defaults, tfvars are not loaded (Terraform loads them for the root only),
     * and addresses and references to its resources get {@code prefix} ({@code module.site.}).
     */
    public static Result evaluate(List<IacFile> files, Map<String, Value> inputs, String prefix) {
        TerraformModule m = new TerraformModule();
        Map<String, String> unparsed = new LinkedHashMap<>();
        List<Map.Entry<IacFile, Body>> tf = new ArrayList<>();
        List<Body> vars = new ArrayList<>();
        for (IacFile f : files.stream().sorted(java.util.Comparator.comparing(IacFile::path)).toList()) {
            try {
                Body body = HclParser.parse(f.text());
                if (isVars(f.name())) {
                    vars.add(body);
                } else if (f.name().endsWith(".tf")) {
                    tf.add(Map.entry(f, body));
                }
            } catch (HclException e) {
                unparsed.put(f.path(), e.getMessage());
            }
        }
        HclEvaluator constants = new HclEvaluator((root, first) -> null);
        for (var e : tf) {
            for (Body.Block b : e.getValue().blocks()) {
                if (b.type().equals("variable") && b.labels().size() == 1) {
                    Body.Attribute def = b.body().attribute("default");
                    if (def != null) {
                        m.variables.put(b.labels().getFirst(), constants.eval(def.value()));
                    }
                } else if (b.type().equals("locals")) {
                    b.body().attributes().forEach(a -> m.localExprs.put(a.name(), a));
                } else if (b.type().equals("data") && b.labels().size() == 2 && b.labels().getFirst().equals("aws_iam_policy_document")) {
                    m.policyDocs.put(b.labels().get(1), b);
                }
            }
        }
        if (inputs == null) {
            for (Body v : vars) {
                v.attributes().forEach(a -> m.variables.put(a.name(), constants.eval(a.value())));
            }
        } else {
            m.variables.putAll(inputs);
        }
        List<IacResource> resources = new ArrayList<>();
        List<ModuleCall> calls = new ArrayList<>();
        for (var e : tf) {
            for (Body.Block b : e.getValue().blocks()) {
                if (b.type().equals("resource") && b.labels().size() == 2) {
                    String type = b.labels().getFirst();
                    String name = b.labels().get(1);
                    Value.Obj attributes = m.object(b.body());
                    if (!never(attributes)) {
                        if (!prefix.isEmpty()) {
                            attributes = (Value.Obj) prefixed(attributes, prefix);
                        }
                        resources.add(new IacResource("terraform", type, name, prefix + type + "." + name, attributes,
                                e.getKey().path(), b.line(), b.endLine()));
                    }
                } else if (b.type().equals("module") && b.labels().size() == 1) {
                    Body.Attribute source = b.body().attribute("source");
                    Map<String, Value> in = new LinkedHashMap<>();
                    for (Body.Attribute a : b.body().attributes()) {
                        if (!META.contains(a.name())) {
                            in.put(a.name(), m.evaluator.eval(a.value()));
                        }
                    }
                    Value.Obj count = m.object(b.body());
                    if (!never(count)) {
                        calls.add(new ModuleCall(b.labels().getFirst(), source == null ? null
                                : Value.text(constants.eval(source.value())), in));
                    }
                }
            }
        }
        return new Result(resources, unparsed, calls);
    }

    /** References to the module's own resources ({@code aws_s3_bucket.x.id}) as seen from the root. */
    private static Value prefixed(Value v, String prefix) {
        return switch (v) {
            case Value.Unknown u when u.reference() != null && u.reference().matches("[a-z][a-z0-9]*_[a-z0-9_]+\\.[A-Za-z_][\\w-]*(\\..*|\\[.*)?") ->
                    new Value.Unknown(prefix + u.reference());
            case Value.Lst l -> new Value.Lst(l.items().stream().map(i -> prefixed(i, prefix)).toList());
            case Value.Obj o -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                o.fields().forEach((k, x) -> fields.put(k, prefixed(x, prefix)));
                yield new Value.Obj(fields);
            }
            default -> v;
        };
    }

    /** Whether {@code count} or {@code for_each} is known to create no instance (count 0, an empty collection). */
    private static boolean never(Value.Obj attributes) {
        Value count = attributes.get("count");
        Value forEach = attributes.get("for_each");
        return (count instanceof Value.Num n && n.value().signum() == 0)
                || (count instanceof Value.Bool b && !b.value())
                || (forEach instanceof Value.Lst l && l.items().isEmpty())
                || (forEach instanceof Value.Obj o && o.fields().isEmpty());
    }

    /** A block's body as an object: arguments evaluated, nested blocks as lists of objects by type. */
    private Value.Obj object(Body body) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Body.Attribute a : body.attributes()) {
            fields.put(a.name(), evaluator.eval(a.value()));
        }
        Map<String, List<Value>> nested = new LinkedHashMap<>();
        for (Body.Block b : body.blocks()) {
            switch (b.type()) {
                case "lifecycle", "provisioner", "connection" -> { }
                case "dynamic" -> {
                    if (!b.labels().isEmpty()) {
                        fields.put(b.labels().getFirst(), Value.unknown("dynamic " + b.labels().getFirst()));
                    }
                }
                default -> nested.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(object(b.body()));
            }
        }
        nested.forEach((k, v) -> {
            if (!(fields.get(k) instanceof Value.Unknown)) {
                fields.put(k, new Value.Lst(v));
            }
        });
        return new Value.Obj(fields);
    }

    private Value resolve(String root, String first) {
        if (first == null) {
            return null;
        }
        switch (root) {
            case "var" -> {
                return variables.get(first);
            }
            case "local" -> {
                return local(first);
            }
            case "data" -> {
                if (!first.equals("aws_iam_policy_document")) {
                    return null;
                }
                Map<String, Value> byName = new LinkedHashMap<>();
                for (String name : policyDocs.keySet()) {
                    byName.put(name, new Value.Obj(Map.of("json", policyJson(name))));
                }
                return new Value.Obj(byName);
            }
            default -> {
                return null;
            }
        }
    }

    private Value local(String name) {
        Value done = locals.get(name);
        if (done != null) {
            return done;
        }
        Body.Attribute a = localExprs.get(name);
        if (a == null || !evaluating.add("local." + name)) {
            return null; // missing, or a cycle
        }
        try {
            Value v = evaluator.eval(a.value());
            locals.put(name, v);
            return v;
        } finally {
            evaluating.remove("local." + name);
        }
    }

    /** The JSON of an {@code aws_iam_policy_document} data source, built from its statement blocks. */
    private Value policyJson(String name) {
        Value done = policyJson.get(name);
        if (done != null) {
            return done;
        }
        if (!evaluating.add("data." + name)) {
            return Value.unknown("data.aws_iam_policy_document." + name + ".json");
        }
        try {
            Value v = PolicyDocuments.fromDataSource(object(policyDocs.get(name).body()));
            Value json = v instanceof Value.Obj o ? Value.str(Json.write(Values.toJson(o))) : v;
            policyJson.put(name, json);
            return json;
        } finally {
            evaluating.remove("data." + name);
        }
    }
}
