package io.watchkeeper.codescanner.iac;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.codescanner.iac.cloudformation.CloudFormationTemplate;
import io.watchkeeper.codescanner.iac.mapping.CloudFormationMapping;
import io.watchkeeper.codescanner.iac.mapping.Planned;
import io.watchkeeper.codescanner.iac.mapping.TerraformMapping;
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
 * resource has the same problem today ({@link LiveComparison}).
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
    public record Analysis(List<Hit> hits, Map<String, String> unparsed, int resources) {}

    private final CheckRegistry checks;
    private final LiveComparison live;

    public IacAnalyzer(CheckRegistry checks, LiveConfigDirectory live) {
        this.checks = checks;
        this.live = new LiveComparison(live == null ? LiveConfigDirectory.NONE : live);
    }

    /** Whether a path may hold IaC (by name; the content decides for YAML and JSON). */
    public static boolean candidate(String path) {
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
        return CloudFormationTemplate.looksLikeTemplate(text) || (name.endsWith(".json") && TerraformPlan.looksLikePlan(text));
    }

    /**
     * Analyses files: the .tf files of a folder form one module (in history, of a folder and commit).
     */
    public Analysis analyze(List<IacFile> files) {
        Map<String, String> unparsed = new TreeMap<>();
        List<Hit> hits = new ArrayList<>();
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
                Optional<List<IacResource>> template = CloudFormationTemplate.resources(f);
                if (template.isPresent()) {
                    judge(template.get(), CloudFormationMapping.map(template.get()), Map.of(f.path(), f), hits, count);
                }
            } catch (IllegalArgumentException e) {
                unparsed.put(f.path(), e.getMessage() == null ? "does not parse" : e.getMessage());
            }
        }
        for (List<IacFile> module : modules.values()) {
            TerraformModule.Result r = TerraformModule.evaluate(module);
            unparsed.putAll(r.unparsed());
            Map<String, IacFile> byPath = new LinkedHashMap<>();
            module.forEach(f -> byPath.put(f.path(), f));
            judge(r.resources(), TerraformMapping.map(r.resources()), byPath, hits, count);
        }
        return new Analysis(hits, unparsed, count[0]);
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
                    IacResource at = Aspects.locate(check.id().id(), p);
                    IacFile file = files.getOrDefault(at.path(), files.get(p.origin().path()));
                    hits.add(new Hit(check, e, p, at, file, match == null ? null : match.withToday(live.today(check, e, match, context))));
                }
            }
        }
    }
}
