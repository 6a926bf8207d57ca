package io.watchkeeper.iamtuner.testing;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A clean moto, a fresh database with the moto account registered, and a product session on it. */
public final class TunerMoto implements AutoCloseable {

    public final Moto moto;
    public final TestDatabase db = TestDatabase.fresh();
    public final Account account;
    public final AwsSessionFactory factory;
    public final AwsSession session;
    public final IamClient iam;
    public final S3Client s3;

    public TunerMoto() {
        this(Moto.get(), null);
    }

    /**
     * On {@code moto} with the product's IAM endpoint at {@code iamEndpoint} (a stub in front of moto), or moto
     * itself when null.
     */
    public TunerMoto(Moto moto, String iamEndpoint) {
        this.moto = moto;
        moto.reset();
        Moto.pointProductAt(moto.endpoint());
        if (iamEndpoint == null) {
            System.clearProperty("aws.endpointUrlIam");
        } else {
            System.setProperty("aws.endpointUrlIam", iamEndpoint);
        }
        account = new JooqAccountStore(db.dsl()).add(new AccountSpec(Provider.AWS, "tuned", Moto.ACCOUNT_ID,
                AccountAccess.NONE, List.of("us-east-1"), Map.of(), false));
        factory = new AwsSessionFactory(new AwsSettings(List.of(), "us-east-1", 10, 32, Duration.ofSeconds(30), 2),
                WatchMetrics.NONE);
        session = factory.open(account);
        iam = moto.client(IamClient.builder());
        s3 = moto.client(S3Client.builder().forcePathStyle(true));
    }

    public CloudTrailClient cloudTrail() {
        return moto.client(CloudTrailClient.builder());
    }

    @Override
    public void close() {
        session.close();
        factory.close();
        System.clearProperty("aws.endpointUrlIam");
    }
}
