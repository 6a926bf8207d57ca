resource "aws_iam_role" "public" {
  name = "assume-me"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "vendor" {
  name               = "vendor-access"
  assume_role_policy = data.aws_iam_policy_document.vendor.json
}

data "aws_iam_policy_document" "vendor" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
  }
}
