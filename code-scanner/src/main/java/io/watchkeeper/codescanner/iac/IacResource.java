package io.watchkeeper.codescanner.iac;

/**
 * One resource declared in an infrastructure-as-code file, evaluated statically.
 *
 * @param source terraform, terraform-plan or cloudformation
 * @param type the resource type as the file names it ({@code aws_s3_bucket}, {@code AWS::S3::Bucket})
 * @param name the resource's name in the file ({@code logs}, the logical id)
 * @param address the stable address ({@code aws_s3_bucket.logs}, {@code module.m.aws_s3_bucket.logs},
 *     {@code AWS::S3::Bucket.Logs}), part of a finding's fingerprint
 * @param attributes the arguments (Terraform; nested blocks as lists of objects) or Properties (CloudFormation)
 * @param path the file's repository-relative path
 * @param line the first line of the declaration
 * @param endLine its last line
 */
public record IacResource(String source, String type, String name, String address, Value.Obj attributes, String path,
                          int line, int endLine) {

    public Value get(String attribute) {
        Value v = attributes.get(attribute);
        return v == null ? Value.NULL : v;
    }
}
