# Everything that could make this bucket public is known only at apply time: never guessed insecure.
variable "acl" {
  type = string
}

variable "policy_json" {
  type = string
}

resource "aws_s3_bucket" "shared" {
  bucket = "team-shared"

  versioning {
    enabled    = true
    mfa_delete = true
  }

  logging {
    target_bucket = "corp-access-logs"
  }
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id
  acl    = var.acl
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = var.policy_json
}

resource "aws_s3_bucket_public_access_block" "shared" {
  bucket                  = aws_s3_bucket.shared.id
  block_public_acls       = var.block
  ignore_public_acls      = var.block
  block_public_policy     = var.block
  restrict_public_buckets = var.block
}
