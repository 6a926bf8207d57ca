# provider 3.x style: everything inline on the bucket
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-uploads"
  acl    = "public-read-write"

  versioning {
    enabled = true
  }

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::legacy-uploads/*"
    }
  ]
}
POLICY
}

resource "aws_s3_bucket_public_access_block" "legacy" {
  bucket            = aws_s3_bucket.legacy.id
  block_public_acls = false
}
