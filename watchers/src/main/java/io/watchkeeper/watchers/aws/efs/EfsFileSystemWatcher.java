package io.watchkeeper.watchers.aws.efs;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.EfsFileSystemConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;

/**
 * EFS file systems: one page per 100 (encryption, modes, tags), and per file system its policy and
 * backup policy (no list carries them).
 */
@AutoService(Watcher.class)
public final class EfsFileSystemWatcher extends AwsWatcher<EfsFileSystemConfig> {

    public EfsFileSystemWatcher() {
        super("aws.efs.file-system", EfsFileSystemConfig.class, ScopeKind.REGIONAL,
                "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeFileSystemPolicy",
                "elasticfilesystem:DescribeBackupPolicy");
    }

    @Override
    protected List<Observation<EfsFileSystemConfig>> observe(WatchScope scope, AwsSession aws) {
        EfsClient efs = aws.efs(scope.region());
        List<FileSystemDescription> all = efs.describeFileSystemsPaginator(r -> r.maxItems(100)).fileSystems().stream()
                .toList();
        return describeEach(all, FileSystemDescription::fileSystemArn, f -> name(f) == null ? f.fileSystemId() : name(f),
                f -> {
                    String id = f.fileSystemId();
                    String name = name(f);
                    String policy = orNull(() -> efs.describeFileSystemPolicy(r -> r.fileSystemId(id)).policy(),
                            "PolicyNotFound");
                    var backup = orNull(() -> efs.describeBackupPolicy(r -> r.fileSystemId(id)).backupPolicy(),
                            "PolicyNotFound");
                    var config = new EfsFileSystemConfig(id, f.fileSystemArn(), name, f.encrypted(), f.kmsKeyId(),
                            f.performanceModeAsString(), f.throughputModeAsString(), f.provisionedThroughputInMibps(),
                            f.availabilityZoneName(), f.numberOfMountTargets(),
                            backup == null ? null : backup.statusAsString(), PolicyDocument.parse(policy),
                            f.creationTime(), f.lifeCycleStateAsString(), tags(f.tags(), t -> t.key(), t -> t.value()));
                    return new Observation.Observed<>(f.fileSystemArn(), name == null ? id : name, scope.region(),
                            config);
                });
    }

    /** The Name tag's value; some emulators answer an empty name for untagged file systems. */
    private static String name(FileSystemDescription f) {
        return f.name() == null || f.name().isBlank() ? null : f.name();
    }
}
