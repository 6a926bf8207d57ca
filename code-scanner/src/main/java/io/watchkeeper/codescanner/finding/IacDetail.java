package io.watchkeeper.codescanner.finding;

import java.util.List;

/**
 * What an infrastructure-as-code finding is about.
 *
 * @param resourceType the Watchkeeper resource type the check judges ({@code aws.s3.bucket})
 * @param address the declaration's address ({@code aws_s3_bucket.logs}, {@code AWS::S3::Bucket.Logs})
 * @param declaredType the type as the file declares it ({@code aws_s3_bucket_public_access_block})
 * @param source terraform, terraform-plan or cloudformation
 * @param name the resource's static name, or null
 * @param evidenceKey the check's evidence key (what exactly is wrong)
 * @param problem the check's one-line explanation
 * @param exposure who could take advantage of it
 * @param controls compliance controls of the check (CIS...)
 * @param unknown arguments known only at apply time, judged as their benign stand-ins
 * @param live the same resource in a watched account, or null when none matched
 */
public record IacDetail(String resourceType, String address, String declaredType, String source, String name,
                        String evidenceKey, String problem, String exposure, List<String> controls, List<String> unknown,
                        Live live) {

    public IacDetail {
        controls = List.copyOf(controls);
        unknown = List.copyOf(unknown);
    }

    /**
     * The live resource the declaration matches.
     *
     * @param itemId the watched item's id
     * @param accountName its account's name
     * @param accountId its account's id
     * @param resourceId its ARN
     * @param today whether the live configuration has the same problem today
     */
    public record Live(long itemId, String accountName, String accountId, String resourceId, boolean today) {

        /** "public today: no; after this change: yes" in the check's words. */
        public String change() {
            return "live in account " + accountName + " (" + accountId + ") as " + resourceId + ": today "
                    + (today ? "yes" : "no") + "; after this change: yes";
        }
    }
}
