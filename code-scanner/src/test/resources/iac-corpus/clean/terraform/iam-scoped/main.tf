resource "aws_iam_policy" "reader" {
  name = "reports-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
      },
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = aws_iam_role.task.arn
      },
      {
        Effect    = "Deny"
        NotAction = ["s3:GetObject"]
        Resource  = "*"
      }
    ]
  })
}

resource "aws_iam_role" "task" {
  name = "reports-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
