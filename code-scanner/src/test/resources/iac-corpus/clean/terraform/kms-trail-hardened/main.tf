resource "aws_kms_key" "trail" {
  description         = "trail key"
  enable_key_rotation = true
}

resource "aws_kms_key" "signing" {
  description              = "asymmetric keys cannot rotate"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_cloudtrail" "main" {
  name                       = "org-main"
  s3_bucket_name             = "corp-trail-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
