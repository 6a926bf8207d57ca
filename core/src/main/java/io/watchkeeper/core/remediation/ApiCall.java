package io.watchkeeper.core.remediation;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One provider API call of a remediation plan, exact enough to print, approve and audit.
 *
 * @param service e.g. s3, ec2, iam, kms, cloudtrail
 * @param operation the API operation, e.g. PutPublicAccessBlock
 * @param parameters its parameters as JSON (resource ids, settings)
 */
public record ApiCall(String service, String operation, JsonNode parameters) {

    public ApiCall {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String toString() {
        return service + ":" + operation + " " + parameters;
    }
}
