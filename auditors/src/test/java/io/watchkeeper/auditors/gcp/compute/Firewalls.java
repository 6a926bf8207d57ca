package io.watchkeeper.auditors.gcp.compute;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig;

/** Firewall rules for the firewall check tests. */
final class Firewalls {

    private Firewalls() {}

    /** An ingress rule allowing {@code allowed} (JSON list of {protocol, ports}) from {@code sources}. */
    static GcpFirewallConfig ingress(String sources, String allowed) {
        return rule("'direction':'INGRESS'", sources, allowed);
    }

    /** A rule with {@code fields} (JSON members) allowing {@code allowed} from {@code sources}. */
    static GcpFirewallConfig rule(String fields, String sources, String allowed) {
        return Configs.lenient(GcpFirewallConfig.class, "{'name':'r','network':'projects/p/global/networks/default',"
                + fields + ",'priority':1000,'sourceRanges':" + sources + ",'allowed':" + allowed + "}");
    }
}
