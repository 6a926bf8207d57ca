/**
 * Checks of GCP resources, pure functions of the typed records in {@code io.watchkeeper.core.config.gcp},
 * mapped to CIS Google Cloud Platform Foundation Benchmark v3.0.0 ({@code CIS-GCP-3.0:<id>}). Shared
 * reading of IAM policies and members is in {@link io.watchkeeper.auditors.gcp.Members}; checks made
 * from data are the IAM-policy member checks ({@code iam/}), the Cloud SQL database flags and the CIS
 * log metric and alert pairs.
 */
package io.watchkeeper.auditors.gcp;
