package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.watchkeeper.auditors.output.ToolInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header (every operation needs an API token; Apache-2.0 like the project, see
 * the root pom's licence) and the RFC 9457 problem answers every operation can give, added to all
 * operations here rather than on each controller:
 * <ul>
 *   <li>401 (no or bad token) and 403 (role too low) on every operation;</li>
 *   <li>400 (invalid input) on operations that take parameters or a body;</li>
 *   <li>404 (unknown, or not in the caller's accounts) on operations that name a thing in their path;</li>
 *   <li>409 on operations whose description says when they answer 409 (stale previews);</li>
 *   <li>503 with {@code Retry-After} on reads, which wait for their turn on a busy node
 *       ({@link io.watchkeeper.web.http.ReadAdmission}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Watchkeeper API", version = "v1",
        description = "Everything the console does. Authenticate with an API token (console → API tokens): "
                + "Authorization: Bearer wkt_…. Lists use keyset pages: pass the previous page's 'next' as 'cursor'. "
                + "Errors are RFC 9457 problem details.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "wkt_…")
public class OpenApiConfiguration {

    static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("400", "BadRequest");
        ANSWERS.put("401", "Unauthorized");
        ANSWERS.put("403", "Forbidden");
        ANSWERS.put("404", "NotFound");
        ANSWERS.put("409", "Conflict");
        ANSWERS.put("503", "Busy");
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return OpenApiConfiguration::customise;
    }

    static void customise(OpenAPI api) {
        if (api.getInfo() != null) {
            api.getInfo().setVersion(ToolInfo.of(ToolInfo.LOCAL_CONSOLE).version());
        }
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas("Problem", new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri-reference").description("problem type; about:blank by default"))
                .addProperty("title", new StringSchema().description("short summary of the problem type"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong here, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("the request path")));
        response(components, "400", "Invalid input: a parameter or the body is malformed or out of range");
        response(components, "401", "No API token, or an invalid, expired or revoked one");
        response(components, "403", "The token's role is too low for this operation");
        response(components, "404", "No such thing, or not in the caller's accounts");
        response(components, "409", "Conflict: what the request was based on changed meanwhile (e.g. a stale preview)");
        response(components, "503", "The node is busy: this read waited for its turn longer than "
                + "watchkeeper.http.queue-timeout; retry after the Retry-After header's seconds");
        if (api.getPaths() == null) {
            return;
        }
        for (PathItem item : api.getPaths().values()) {
            if (item.getGet() != null) {
                add(item.getGet(), "503"); // reads wait for their turn (web/http/ReadAdmission)
            }
            for (Operation operation : item.readOperations()) {
                List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                add(operation, "401");
                add(operation, "403");
                if (!parameters.isEmpty() || operation.getRequestBody() != null) {
                    add(operation, "400");
                }
                if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                    add(operation, "404");
                }
                if (operation.getDescription() != null && operation.getDescription().contains("409")) {
                    add(operation, "409");
                }
            }
        }
    }

    private static void response(Components components, String status, String description) {
        components.addResponses(ANSWERS.get(status), new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }

    private static void add(Operation operation, String status) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + ANSWERS.get(status)));
        }
    }
}
