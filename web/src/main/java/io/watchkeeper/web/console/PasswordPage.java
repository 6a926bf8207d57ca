package io.watchkeeper.web.console;

import io.watchkeeper.core.access.User;
import io.watchkeeper.core.access.UserStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.security.SessionMark;
import io.watchkeeper.web.service.AccessAdmin;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one's own password. Also the only page a user can reach while they must choose a new
 * password (after an admin reset, or the admin's one-time password).
 */
@Controller
public class PasswordPage {

    private final AccessAdmin access;
    private final UserStore users;

    public PasswordPage(AccessAdmin access, UserStore users) {
        this.access = access;
        this.users = users;
    }

    @GetMapping("/password")
    @PreAuthorize("hasRole('VIEWER')")
    String form(Model model) {
        model.addAttribute("forced", users.find(Callers.current().username()).map(User::mustChangePassword).orElse(false));
        return "password";
    }

    @PostMapping("/password")
    @PreAuthorize("hasRole('VIEWER')")
    String change(@RequestParam String currentPassword, @RequestParam String newPassword,
                  @RequestParam String confirmPassword, HttpServletRequest request, RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            throw new InvalidInputException("the new password and its confirmation differ");
        }
        User after = access.changeOwnPassword(currentPassword, newPassword, Callers.current());
        SessionMark.renew(request, after); // this session stays; the user's other sessions end
        redirect.addFlashAttribute("ok", "Password changed. Your other sessions have ended.");
        return "redirect:/password";
    }
}
