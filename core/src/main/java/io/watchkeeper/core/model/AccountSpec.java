package io.watchkeeper.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** What a person gives to register an account; validated on construction. */
public record AccountSpec(
        Provider provider,
        String name,
        String externalId,
        AccountAccess access,
        List<String> regions,
        Map<String, String> tags,
        boolean thirdParty) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AWS_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern GCP_SERVICE_ACCOUNT =
            Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}@[a-z0-9][a-z0-9.-]{0,99}\\.gserviceaccount\\.com");
    private static final Pattern GCP_REGION = Pattern.compile("[a-z]+-[a-z]+\\d{1,2}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern GITHUB_ORG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    public AccountSpec {
        Objects.requireNonNull(provider, "provider");
        access = access == null ? AccountAccess.NONE : access;
        regions = List.copyOf(regions == null ? List.of() : regions);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid account name '" + name
                    + "': 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (externalId == null || externalId.isBlank()) {
            throw new InvalidInputException("an account id is required");
        }
        if (provider == Provider.AWS) {
            validateAws(externalId, access, regions);
        } else if (provider == Provider.GCP) {
            validateGcp(externalId, access, regions);
        }
        if (provider == Provider.GITHUB && !GITHUB_ORG.matcher(externalId).matches()) {
            throw new InvalidInputException("invalid GitHub organisation '" + externalId
                    + "': 1-39 letters, digits or single hyphens, not starting or ending with a hyphen");
        }
    }

    /**
     * A GCP project: its id; {@code access.roleArn} names the service account to impersonate (or null),
     * {@code access.credentialsRef} is null (Application Default Credentials), {@code none} or
     * {@code file:/absolute/path} of a key file.
     */
    private static void validateGcp(String projectId, AccountAccess access, List<String> regions) {
        if (!GCP_PROJECT.matcher(projectId).matches()) {
            throw new InvalidInputException("invalid GCP project id '" + projectId
                    + "': 6-30 lowercase letters, digits or '-', starting with a letter");
        }
        if (access.roleArn() != null && !GCP_SERVICE_ACCOUNT.matcher(access.roleArn()).matches()) {
            throw new InvalidInputException("invalid service account '" + access.roleArn()
                    + "' to impersonate: expected NAME@PROJECT.iam.gserviceaccount.com");
        }
        if (access.roleExternalId() != null) {
            throw new InvalidInputException("GCP projects have no external id");
        }
        String ref = access.credentialsRef();
        if (ref != null && !ref.equals("none") && !(ref.startsWith("file:/") && ref.length() < 4096
                && ref.indexOf(0) < 0 && !ref.contains("/../"))) {
            throw new InvalidInputException("invalid GCP credentials '" + ref + "': none or an absolute key file path");
        }
        if ("none".equals(ref) && access.roleArn() != null) {
            throw new InvalidInputException("--impersonate needs a source credential (ADC or a key file), not 'none'");
        }
        for (String region : regions) {
            if (!GCP_REGION.matcher(region).matches()) {
                throw new InvalidInputException("invalid GCP region '" + region + "' (e.g. europe-west1)");
            }
        }
    }

    private static void validateAws(String accountId, AccountAccess access, List<String> regions) {
        if (!AWS_ACCOUNT.matcher(accountId).matches()) {
            throw new InvalidInputException("invalid AWS account id '" + accountId + "': 12 digits expected");
        }
        if (access.roleArn() != null && !AWS_ROLE.matcher(access.roleArn()).matches()) {
            throw new InvalidInputException("invalid role ARN '" + access.roleArn()
                    + "': expected arn:aws:iam::<12 digits>:role/<name>");
        }
        if (access.roleExternalId() != null) {
            if (access.roleArn() == null) {
                throw new InvalidInputException("--external-id needs --role-arn");
            }
            if (!EXTERNAL_ID.matcher(access.roleExternalId()).matches()) {
                throw new InvalidInputException("invalid external id: 2-1224 characters of [\\w+=,.@:/-]");
            }
        }
        for (String region : regions) {
            if (!REGION.matcher(region).matches()) {
                throw new InvalidInputException("invalid AWS region '" + region + "' (e.g. eu-west-1)");
            }
        }
    }
}
