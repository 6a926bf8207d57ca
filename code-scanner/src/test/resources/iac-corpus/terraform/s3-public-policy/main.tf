variable "bucket_name" {
  type    = string
  default = "billing-exports"
}

resource "aws_s3_bucket" "exports" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket              = aws_s3_bucket.exports.id
  block_public_policy = false
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.read.json
}

data "aws_iam_policy_document" "read" {
  statement {
    sid = "PublicRead"
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.exports.arn}/*"]
  }
}
