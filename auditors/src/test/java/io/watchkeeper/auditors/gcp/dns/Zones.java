package io.watchkeeper.auditors.gcp.dns;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig;

final class Zones {

    private Zones() {}

    static GcpDnsManagedZoneConfig zone(String visibility, String extra) {
        return Configs.lenient(GcpDnsManagedZoneConfig.class, "{'name':'z','dnsName':'example.com.','visibility':'" + visibility + "'"
                + extra + "}");
    }

    static String keys(String ksk, String zsk) {
        return ",'dnssecState':'on','keySpecs':[{'keyType':'keySigning','algorithm':'" + ksk + "'},"
                + "{'keyType':'zoneSigning','algorithm':'" + zsk + "'}]";
    }
}
