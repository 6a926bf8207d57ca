package io.watchkeeper.watchers.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;

/** The account-level S3 Block Public Access: one item per account. */
@AutoService(Watcher.class)
public final class S3AccountPublicAccessBlockWatcher extends AwsWatcher<S3AccountPublicAccessBlockConfig> {

    public S3AccountPublicAccessBlockWatcher() {
        super("aws.s3.account-public-access-block", S3AccountPublicAccessBlockConfig.class, ScopeKind.GLOBAL,
                "s3:GetAccountPublicAccessBlock");
    }

    @Override
    protected List<Observation<S3AccountPublicAccessBlockConfig>> observe(WatchScope scope, AwsSession aws) {
        String accountId = aws.accountId();
        var pab = orNull(() -> aws.s3control().getPublicAccessBlock(r -> r.accountId(accountId))
                .publicAccessBlockConfiguration(), "NoSuchPublicAccessBlockConfiguration");
        var config = new S3AccountPublicAccessBlockConfig(accountId, pab == null ? null
                : new PublicAccessBlock(pab.blockPublicAcls(), pab.ignorePublicAcls(), pab.blockPublicPolicy(),
                        pab.restrictPublicBuckets()));
        return List.of(new Observation.Observed<>("arn:aws:s3:::account/" + accountId, "account " + accountId,
                WatchScope.GLOBAL, config));
    }
}
