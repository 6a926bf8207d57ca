package io.watchkeeper.codescanner.iac;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.codescanner.iac.cloudformation.CloudFormationTemplate;
import io.watchkeeper.codescanner.iac.mapping.CloudFormationMapping;
import io.watchkeeper.codescanner.iac.mapping.Planned;
import io.watchkeeper.codescanner.iac.mapping.TerraformMapping;
import io.watchkeeper.codescanner.iac.kubernetes.KubernetesManifests;
import io.watchkeeper.codescanner.iac.terraform.TerraformModule;
import io.watchkeeper.codescanner.iac.terraform.TerraformPlan;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.inventory.LiveConfigDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Infrastructure as code, judged by the same checks as live configuration: Terraform modules
 * (a folder's .tf files), {@code terraform show -json} plans and CloudFormation templates are
 * evaluated statically, mapped to the watchers' typed records ({@link TerraformMapping},
 * {@link CloudFormationMapping}) and every check registered for the type runs on them. When a
 * declaration names a resource that a watched account has, the finding says whether the live
 * resource has the same problem today ({@link LiveComparison}). Kubernetes manifests have no live
 * counterpart among the watchers' types; their pod templates are judged by {@link KubernetesManifests}.
 */
public final class IacAnalyzer {

    /**
     * One problem in planned configuration.
     *
     * @param check the check that found it
     * @param evidence what exactly
     * @param planned the planned resource
     * @param at the declaration to point at (the split resource that sets the aspect, else the main one)
     * @param file the file of that declaration
     * @param live the matched live resource, or null
     */
    public record Hit(Check<?> check, Evidence evidence, Planned planned, IacResource at, IacFile file, LiveComparison.Match live) {}

    /**
     * @param hits the problems found
     * @param unparsed IaC files that did not parse, with why (skipped, never fatal)
     * @param resources declarations evaluated
     */
    public record Analysis(List<Hit> hits, Map<String, String> unparsed, int resources, List<KubernetesHit> kubernetes) {

        public Analysis(List<Hit> hits, Map<String, String> unparsed, int resources) {
            this(hits, unparsed, resources, List.of());
        }
    }

    /** A problem of a Kubernetes manifest, in its file. */
    public record KubernetesHit(KubernetesManifests.Problem problem, IacFile file) {}

    private final CheckRegistry checks;
    private final LiveComparison live;

    public IacAnalyzer(CheckRegistry checks, LiveConfigDirectory live) {
        this.checks = checks;
        this.live = new LiveComparison(live == null ? LiveConfigDirectory.NONE : live);
    }

    /**
     * Whether a path may hold IaC (by name; the content decides for YAML and JSON). Terraform's own
     * working folder ({@code .terraform/}: downloaded modules and providers) is not the repository's code.
     */
    public static boolean candidate(String path) {
        if (path.startsWith(".terraform/") || path.contains("/.terraform/")) {
            return false;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return TerraformModule.isTerraform(name) || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.endsWith(".template");
    }

    /** Whether a candidate's content is worth parsing. */
    public static boolean interesting(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (TerraformModule.isTerraform(name)) {
            return true;
        }
        return CloudFormationTemplate.looksLikeTemplate(text) || (name.endsWith(".json") && TerraformPlan.looksLikePlan(text))
                || (yaml(name) && KubernetesManifests.looksLikeManifest(text));
    }

    private static boolean yaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * Analyses files: the .tf files of a folder form one module (in history, of a folder and commit).
     */
    public Analysis analyze(List<IacFile> files) {
        Map<String, String> unparsed = new TreeMap<>();
        List<Hit> hits = new ArrayList<>();
        List<KubernetesHit> kubernetes = new ArrayList<>();
        int[] count = {0};
        Map<String, List<IacFile>> modules = new LinkedHashMap<>();
        for (IacFile f : files) {
            if (TerraformModule.isTerraform(f.name())) {
                modules.computeIfAbsent(f.folder() + "\0" + f.commit(), k -> new ArrayList<>()).add(f);
                continue;
            }
            try {
                Optional<List<IacResource>> plan = f.name().endsWith(".json") && TerraformPlan.looksLikePlan(f.text())
                        ? TerraformPlan.resources(f) : Optional.empty();
                if (plan.isPresent()) {
                    judge(plan.get(), TerraformMapping.map(plan.get()), Map.of(f.path(), f), hits, count);
                    continue;
                }
                if (yaml(f.name().toLowerCase(Locale.ROOT)) && !CloudFormationTemplate.looksLikeTemplate(f.text())
                        && KubernetesManifests.looksLikeManifest(f.text())) {
                    KubernetesManifests.problems(f).ifPresent(list -> {
                        count[0]++;
                        list.forEach(p -> kubernetes.add(new KubernetesHit(p, f)));
                    });
                    continue;
                }
                Optional<List<IacResource>> template = CloudFormationTemplate.resources(f);
                if (template.isPresent()) {
                    judge(template.get(), CloudFormationMapping.map(template.get()), Map.of(f.path(), f), hits, count);
                }
            } catch (IllegalArgumentException e) {
                unparsed.put(f.path(), e.getMessage() == null ? "does not parse" : e.getMessage());
            }
        }
        Map<String, TerraformModule.Result> results = new LinkedHashMap<>();
        java.util.Set<String> called = new java.util.HashSet<>();
        modules.forEach((key, module) -> {
            TerraformModule.Result r = TerraformModule.evaluate(module);
            unparsed.putAll(r.unparsed());
            results.put(key, r);
        });
        results.forEach((key, r) -> r.calls().forEach(c -> {
            String child = childKey(key, c.source());
            if (child != null && !child.equals(key) && modules.containsKey(child)) {
                called.add(child);
            }
        }));
        for (var e : results.entrySet()) {
            if (called.contains(e.getKey())) {
                continue; // judged where it is called, with the caller's inputs
            }
            List<IacResource> resources = new ArrayList<>(e.getValue().resources());
            Map<String, IacFile> byPath = new LinkedHashMap<>();
            modules.get(e.getKey()).forEach(f -> byPath.put(f.path(), f));
            instantiate(modules, e.getKey(), e.getValue().calls(), "", new java.util.HashSet<>(List.of(e.getKey())),
                    resources, byPath);
            judge(resources, TerraformMapping.map(resources), byPath, hits, count);
        }
        return new Analysis(hits, unparsed, count[0], kubernetes);
    }

    /** Deepest chain of local module calls followed. */
    private static final int MAX_MODULE_DEPTH = 8;

    /**
     * Local child modules ({@code source = "./modules/x"}) of a module, evaluated with the caller's inputs
     * and addressed {@code module.<name>.…}, recursively (cycles and chains deeper than
     * {@value #MAX_MODULE_DEPTH} stop). Registry and remote sources are not fetched.
     */
    private static void instantiate(Map<String, List<IacFile>> modules, String key, List<TerraformModule.ModuleCall> calls,
                                    String prefix, java.util.Set<String> stack, List<IacResource> into,
                                    Map<String, IacFile> byPath) {
        if (stack.size() > MAX_MODULE_DEPTH) {
            return;
        }
        for (TerraformModule.ModuleCall call : calls) {
            String child = childKey(key, call.source());
            if (child == null || !modules.containsKey(child) || stack.contains(child)) {
                continue;
            }
            String p = prefix + "module." + call.name() + ".";
            TerraformModule.Result r = TerraformModule.evaluate(modules.get(child), call.inputs(), p);
            into.addAll(r.resources());
            modules.get(child).forEach(f -> byPath.put(f.path(), f));
            stack.add(child);
            instantiate(modules, child, r.calls(), p, stack, into, byPath);
            stack.remove(child);
        }
    }

    /** The module key (folder NUL commit) a local source points at from the module {@code key}, or null. */
    static String childKey(String key, String source) {
        if (source == null || !(source.startsWith("./") || source.startsWith("../"))) {
            return null;
        }
        int nul = key.indexOf('\0');
        String folder = key.substring(0, nul);
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : (folder + "/" + source).split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null; // outside the repository
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts) + key.substring(nul);
    }

    /**
     * A conclusion about the whole account ("no alarm on root usage", "no support role"), keyed
     * {@code account} or {@code account:...} by the checks: a file shows only its own resources, the rest of
     * the account is unknown, so such a conclusion is never drawn from code.
     */
    static boolean accountWide(Evidence e) {
        return e.key().equals("account") || e.key().startsWith("account:");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void judge(List<IacResource> resources, List<Planned> planned, Map<String, IacFile> files, List<Hit> hits, int[] count) {
        count[0] += resources.size();
        Map<Planned, LiveComparison.Match> matches = live.match(planned);
        for (Planned p : planned) {
            LiveComparison.Match match = matches.get(p);
            Planned judged = match == null ? p : match.after();
            PlannedContext context = new PlannedContext(match == null ? null : PlannedContext.live(match.item().accountName(),
                    match.item().accountId()), planned);
            for (Check<?> check : checks.forType(p.type())) {
                if (!check.configType().isInstance(judged.config())) {
                    continue;
                }
                List<Evidence> found;
                try {
                    found = ((Check) check).evaluate(judged.config(), context);
                } catch (RuntimeException e) {
                    continue; // a check must not throw; if one does, the rest still judge
                }
                for (Evidence e : found) {
                    if (accountWide(e)) {
                        continue;
                    }
                    IacResource at = Aspects.locate(check.id().id(), e.key(), p);
                    IacFile file = files.getOrDefault(at.path(), files.get(p.origin().path()));
                    hits.add(new Hit(check, e, p, at, file, match == null ? null : match.withToday(live.today(check, e, match, context))));
                }
            }
        }
    }
}
