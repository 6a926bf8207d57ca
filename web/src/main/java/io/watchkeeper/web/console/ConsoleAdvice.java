package io.watchkeeper.web.console;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.WatchkeeperOidcUser;
import io.watchkeeper.web.service.Triage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The signed-in user for every page, and errors shown as pages (messages escaped like all output). */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
public class ConsoleAdvice {

    @ModelAttribute("me")
    Caller me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            return null;
        }
        if (a.getPrincipal() instanceof Caller c) {
            return c;
        }
        return a.getPrincipal() instanceof WatchkeeperOidcUser o ? o.caller() : null;
    }

    @ExceptionHandler({InvalidInputException.class, Triage.StalePreviewException.class})
    String invalid(RuntimeException e, HttpServletResponse response, Model model) {
        response.setStatus(e instanceof Triage.StalePreviewException ? 409 : 400);
        model.addAttribute("status", response.getStatus());
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(WatchkeeperException.class)
    String failed(WatchkeeperException e, HttpServletResponse response, Model model) {
        response.setStatus(502);
        model.addAttribute("status", 502);
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(Caller.NotVisibleException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("message", "Not found, or not in your accounts.");
        return "problem";
    }
}
