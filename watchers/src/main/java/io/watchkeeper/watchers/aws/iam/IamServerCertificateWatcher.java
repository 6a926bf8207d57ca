package io.watchkeeper.watchers.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.IamServerCertificateConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;

/** IAM server certificates with their expiry: one {@code ListServerCertificates} page per 1,000 certificates. */
@AutoService(Watcher.class)
public final class IamServerCertificateWatcher extends AwsWatcher<IamServerCertificateConfig> {

    public IamServerCertificateWatcher() {
        super("aws.iam.server-certificate", IamServerCertificateConfig.class, ScopeKind.GLOBAL,
                "iam:ListServerCertificates");
    }

    @Override
    protected List<Observation<IamServerCertificateConfig>> observe(WatchScope scope, AwsSession aws) {
        return aws.iam().listServerCertificatesPaginator(r -> r.maxItems(1000)).serverCertificateMetadataList().stream()
                .<Observation<IamServerCertificateConfig>>map(m -> new Observation.Observed<>(m.arn(),
                        m.serverCertificateName(), WatchScope.GLOBAL, new IamServerCertificateConfig(
                        m.serverCertificateName(), m.serverCertificateId(), m.arn(), m.path(), m.uploadDate(),
                        m.expiration())))
                .toList();
    }
}
