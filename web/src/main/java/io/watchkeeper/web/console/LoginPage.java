package io.watchkeeper.web.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: local password, plus a button per configured OIDC provider. */
@Controller
public class LoginPage {

    private final ObjectProvider<ClientRegistrationRepository> clients;

    public LoginPage(ObjectProvider<ClientRegistrationRepository> clients) {
        this.clients = clients;
    }

    @GetMapping("/login")
    String login(Model model) {
        Map<String, String> oidc = new LinkedHashMap<>();
        ClientRegistrationRepository repository = clients.getIfAvailable();
        if (repository instanceof Iterable<?> registrations) {
            for (Object o : registrations) {
                if (o instanceof ClientRegistration r) {
                    oidc.put(r.getRegistrationId(), r.getClientName());
                }
            }
        }
        model.addAttribute("oidcClients", oidc);
        return "login";
    }
}
