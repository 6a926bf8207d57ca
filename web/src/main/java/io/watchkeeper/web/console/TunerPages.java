package io.watchkeeper.web.console;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.iamtuner.lifecycle.ChangeRunner;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.tuner.PlanReport;
import io.watchkeeper.web.tuner.TunerService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The IAM tuner in the console: plans and changes per account; a plan per principal with granted, used,
 * unknown and removed actions, the evidence of each decision and the proof; schedule, apply and roll back
 * — all through {@link TunerService}.
 */
@Controller
public class TunerPages {

    private final TunerService tuner;
    private final AccountAdmin accounts;

    public TunerPages(TunerService tuner, AccountAdmin accounts) {
        this.tuner = tuner;
        this.accounts = accounts;
    }

    @GetMapping("/tuner")
    @PreAuthorize("hasRole('VIEWER')")
    String overview(Model model) {
        Caller caller = Callers.current();
        List<Account> aws = accounts.list(caller).stream().filter(a -> a.provider() == Provider.AWS).toList();
        Map<Long, String> names = accounts.list(caller).stream().collect(Collectors.toMap(Account::id, Account::name));
        model.addAttribute("plans", tuner.plans(null, 100, caller));
        model.addAttribute("changes", tuner.changes(null, 100, caller));
        model.addAttribute("optOuts", tuner.optOuts(null, caller));
        model.addAttribute("accounts", aws);
        model.addAttribute("names", names);
        model.addAttribute("picture", TunerCharts.of(tuner.pictures(caller)));
        model.addAttribute("chartWidth", TunerCharts.WIDTH);
        return "tuner";
    }

    @GetMapping("/tuner/plans/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("report", PlanReport.of(tuner.show(id, Callers.current())));
        return "tuner-plan";
    }

    @PostMapping("/tuner/evidence")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String collect(@RequestParam String account, RedirectAttributes redirect) {
        var c = tuner.collect(account, true, Callers.current(), s -> {});
        redirect.addFlashAttribute("ok", "Evidence read: " + (c.cloudTrail() == null ? "CloudTrail failed: " + c.cloudTrailError()
                : c.cloudTrail().files() + " log files, " + c.cloudTrail().records() + " records") + ".");
        return "redirect:/tuner";
    }

    @PostMapping("/tuner/plans")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String newPlan(@RequestParam String account, @RequestParam(required = false) String principalArn,
                   @RequestParam(required = false) Integer windowDays) {
        TunerService.PlanView v = tuner.plan(account, principalArn, windowDays, Callers.current(), s -> {});
        return "redirect:/tuner/plans/" + v.plan().id();
    }

    @PostMapping("/tuner/plans/{id}/schedule")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String schedule(@PathVariable long id, RedirectAttributes redirect) {
        var p = tuner.schedule(id, Callers.current());
        redirect.addFlashAttribute("ok", "Plan " + id + " scheduled; it may be applied after " + p.plan().applyAfter() + ". "
                + PlanReport.noticeLine(p.notices()));
        return "redirect:/tuner/plans/" + id;
    }

    @PostMapping("/tuner/plans/{id}/apply")
    @PreAuthorize("hasRole('ADMIN')")
    String apply(@PathVariable long id, @RequestParam(required = false) Boolean now, RedirectAttributes redirect) {
        ChangeRunner.Applied a = tuner.apply(id, Boolean.TRUE.equals(now), Callers.current(), s -> {});
        redirect.addFlashAttribute("ok", "Plan " + id + ": " + a.plan().status() + ", " + a.changes().size() + " changes, "
                + a.skipped().size() + " skipped.");
        return "redirect:/tuner/plans/" + id;
    }

    @PostMapping("/tuner/changes/{id}/rollback")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String rollback(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        var c = tuner.rollback(id, reason, Callers.current());
        redirect.addFlashAttribute("ok", "Change " + id + ": " + c.status() + ".");
        return "redirect:/tuner/plans/" + c.planId();
    }
}
