resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
