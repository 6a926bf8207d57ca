package io.watchkeeper.auditors.gcp.iam;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;

/** Project IAM policies for the project-policy check tests. */
final class ProjectPolicies {

    private ProjectPolicies() {}

    /** A policy of {@code role:member} pairs. */
    static GcpProjectIamPolicyConfig of(String... grants) {
        StringBuilder b = new StringBuilder("{'projectId':'p','policy':{'version':3,'bindings':[");
        for (int i = 0; i < grants.length; i++) {
            int sep = grants[i].indexOf('=');
            b.append(i == 0 ? "" : ",").append("{'role':'").append(grants[i], 0, sep).append("','members':['")
                    .append(grants[i].substring(sep + 1)).append("']}");
        }
        return Configs.lenient(GcpProjectIamPolicyConfig.class, b.append("]}}").toString());
    }
}
