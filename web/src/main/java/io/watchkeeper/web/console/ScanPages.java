package io.watchkeeper.web.console;

import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.ScanJobs;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Start a scan (watch + audit) and follow its progress (the page refreshes itself while one runs). */
@Controller
public class ScanPages {

    private final ScanJobs scans;

    public ScanPages(ScanJobs scans) {
        this.scans = scans;
    }

    @GetMapping("/scans")
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        List<ScanJobs.ScanStatus> recent = scans.recent(Callers.current());
        model.addAttribute("scans", recent);
        model.addAttribute("running", recent.stream().anyMatch(s -> s.state().equals("running")));
        return "scans";
    }

    @PostMapping("/scans")
    @PreAuthorize("hasRole('ADMIN')")
    String start(@RequestParam(name = "accountId", required = false) List<Long> accountIds, RedirectAttributes redirect) {
        ScanJobs.ScanStatus started = scans.start(accountIds, Callers.current());
        redirect.addFlashAttribute("ok", "Scan " + started.id() + " started: " + String.join(", ", started.accounts())
                + (started.skipped().isEmpty() ? "" : "; third-party accounts are never watched, skipped: "
                        + String.join(", ", started.skipped())));
        return "redirect:/scans";
    }
}
