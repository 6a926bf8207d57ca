resource "aws_iam_policy" "ops" {
  name        = "ops-everything"
  description = "temporary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = "*"
      },
      {
        Effect    = "Allow"
        NotAction = ["s3:DeleteBucket"]
        Resource  = "arn:aws:s3:::deploy-*"
      }
    ]
  })
}
