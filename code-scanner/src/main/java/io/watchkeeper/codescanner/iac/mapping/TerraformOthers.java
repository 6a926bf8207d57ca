package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code aws_db_instance}, {@code aws_kms_key}, {@code aws_cloudtrail}, {@code aws_sqs_queue}, with the provider's defaults. */
final class TerraformOthers {

    private TerraformOthers() {}

    static void map(List<IacResource> resources, List<Planned> out) {
        for (IacResource r : resources) {
            Attrs a = new Attrs();
            switch (r.type()) {
                case "aws_db_instance" -> {
                    String id = a.str(r.get("identifier"), "identifier", null, null);
                    out.add(new Planned("aws.rds.instance", id, new RdsInstanceConfig(id, null,
                            a.str(r.get("engine"), "engine", null, null), a.str(r.get("engine_version"), "engine_version", null, null),
                            a.str(r.get("instance_class"), "instance_class", null, null),
                            a.bool(r.get("publicly_accessible"), "publicly_accessible", false, false),
                            a.bool(r.get("storage_encrypted"), "storage_encrypted", false, true),
                            a.str(r.get("kms_key_id"), "kms_key_id", null, null),
                            a.strings(r.get("vpc_security_group_ids"), "vpc_security_group_ids"),
                            a.str(r.get("db_subnet_group_name"), "db_subnet_group_name", null, null),
                            a.bool(r.get("multi_az"), "multi_az", false, true),
                            a.integer(r.get("backup_retention_period"), "backup_retention_period", null, null),
                            a.bool(r.get("deletion_protection"), "deletion_protection", false, true),
                            a.bool(r.get("iam_database_authentication_enabled"), "iam_database_authentication_enabled", false, true),
                            a.bool(r.get("auto_minor_version_upgrade"), "auto_minor_version_upgrade", true, true),
                            null, a.integer(r.get("port"), "port", null, null),
                            a.str(r.get("ca_cert_identifier"), "ca_cert_identifier", null, null), null, null, null, null,
                            Attrs.tags(r.get("tags"))),
                            r, Map.of(), a.unknown(), Set.of("all")));
                }
                case "aws_kms_key" -> out.add(new Planned("aws.kms.key", null, new KmsKeyConfig(null, null,
                        a.str(r.get("description"), "description", null, null),
                        Boolean.FALSE.equals(a.bool(r.get("is_enabled"), "is_enabled", true, true)) ? "Disabled" : "Enabled",
                        a.str(r.get("key_usage"), "key_usage", "ENCRYPT_DECRYPT", null),
                        a.str(r.get("customer_master_key_spec"), "customer_master_key_spec", "SYMMETRIC_DEFAULT", null),
                        "AWS_KMS", a.bool(r.get("multi_region"), "multi_region", false, false), List.of(),
                        Policies.read(r.get("policy"), a, "policy", null),
                        a.bool(r.get("enable_key_rotation"), "enable_key_rotation", false, true),
                        a.integer(r.get("rotation_period_in_days"), "rotation_period_in_days", null, null), null, null,
                        Attrs.tags(r.get("tags"))), r, Map.of(), a.unknown(), Set.of("all")));
                case "aws_cloudtrail" -> {
                    String name = a.str(r.get("name"), "name", null, null);
                    out.add(new Planned("aws.cloudtrail.trail", name, new CloudTrailTrailConfig(name, null, null,
                            a.bool(r.get("is_multi_region_trail"), "is_multi_region_trail", false, true),
                            a.bool(r.get("is_organization_trail"), "is_organization_trail", false, false),
                            a.str(r.get("s3_bucket_name"), "s3_bucket_name", null, null),
                            a.str(r.get("s3_key_prefix"), "s3_key_prefix", null, null),
                            a.bool(r.get("include_global_service_events"), "include_global_service_events", true, true),
                            a.bool(r.get("enable_log_file_validation"), "enable_log_file_validation", false, true),
                            a.str(r.get("kms_key_id"), "kms_key_id", null, "planned-kms-key"),
                            a.str(r.get("cloud_watch_logs_group_arn"), "cloud_watch_logs_group_arn", null, "planned-log-group"),
                            a.str(r.get("sns_topic_name"), "sns_topic_name", null, null),
                            a.bool(r.get("enable_logging"), "enable_logging", true, true), List.of(), List.of(), null, null,
                            Attrs.tags(r.get("tags"))), r, Map.of(), a.unknown(), Set.of("all")));
                }
                case "aws_sqs_queue" -> {
                    String name = a.str(r.get("name"), "name", null, null);
                    String kms = a.str(r.get("kms_master_key_id"), "kms_master_key_id", null, "planned-kms-key");
                    // provider >= 4.x and AWS default new queues to SSE-SQS unless a KMS key is set
                    Boolean sse = a.bool(r.get("sqs_managed_sse_enabled"), "sqs_managed_sse_enabled", kms == null, true);
                    out.add(new Planned("aws.sqs.queue", name, new SqsQueueConfig(null, null,
                            Policies.read(r.get("policy"), a, "policy", null), kms, null, sse, null, null, null, null, null,
                            null, null, a.bool(r.get("fifo_queue"), "fifo_queue", false, false), null, null, null, null, null,
                            Attrs.tags(r.get("tags"))), r, Map.of(), a.unknown(), Set.of("all")));
                }
                default -> { }
            }
        }
    }
}
