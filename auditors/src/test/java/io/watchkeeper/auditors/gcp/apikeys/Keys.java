package io.watchkeeper.auditors.gcp.apikeys;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;

final class Keys {

    private Keys() {}

    static GcpApiKeyConfig key(String extra) {
        return Configs.lenient(GcpApiKeyConfig.class, "{'name':'projects/1/locations/global/keys/u1','uid':'u1','displayName':'maps'"
                + extra + "}");
    }
}
