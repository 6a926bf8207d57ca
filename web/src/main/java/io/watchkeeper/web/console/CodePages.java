package io.watchkeeper.web.console;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.CodeReviews;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's code pages: repositories with their pull requests, a pull request's findings, accepted risks. */
@Controller
public class CodePages {

    private final CodeReviews reviews;

    public CodePages(CodeReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/code")
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        Caller caller = Callers.current();
        var repositories = reviews.repositories(caller);
        Map<Long, List<io.watchkeeper.core.code.CodeReviewStore.PullRequest>> pulls = new LinkedHashMap<>();
        repositories.forEach(r -> pulls.put(r.id(), reviews.pullRequests(r.id(), caller)));
        model.addAttribute("repositories", repositories);
        model.addAttribute("pulls", pulls);
        model.addAttribute("risks", reviews.acceptedRisks(caller));
        model.addAttribute("today", LocalDate.now(java.time.ZoneOffset.UTC));
        return "code";
    }

    @GetMapping("/code/pull-requests/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    String pullRequest(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("pr", reviews.pullRequest(id, caller));
        model.addAttribute("findings", reviews.findings(id, caller));
        return "code-pull-request";
    }

    @PostMapping("/code/accepted-risks")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String accept(@RequestParam long repositoryId, @RequestParam String fingerprint, @RequestParam String kind,
                  @RequestParam(required = false) String until, @RequestParam String reason, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = until == null || until.isBlank() ? null : LocalDate.parse(until.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("until takes a date: YYYY-MM-DD");
        }
        var risk = reviews.accept(repositoryId, fingerprint, CodeReviews.RiskKind.parse(kind), reason, date,
                Callers.current());
        redirect.addFlashAttribute("ok", "Recorded " + risk.kind() + " for fp:" + risk.fingerprint() + " in "
                + risk.repository() + ".");
        return "redirect:/code";
    }

    @PostMapping("/code/accepted-risks/{id}/revoke")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        var risk = reviews.revoke(id, Callers.current());
        redirect.addFlashAttribute("ok", "Revoked " + risk.kind() + " for fp:" + risk.fingerprint() + ".");
        return "redirect:/code";
    }
}
