resource "aws_kms_key" "data" {
  description = "data key"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "corp-trail-logs"
  enable_logging = false
}
