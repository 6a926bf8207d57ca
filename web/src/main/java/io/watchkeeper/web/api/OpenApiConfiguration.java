package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: every operation needs an API token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Watchkeeper API", version = "v1",
        description = "Everything the console does. Authenticate with an API token (console → API tokens): "
                + "Authorization: Bearer wkt_…. Lists use keyset pages: pass the previous page's 'next' as 'cursor'. "
                + "Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "wkt_…")
public class OpenApiConfiguration {}
