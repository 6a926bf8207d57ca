resource "aws_security_group" "db" {
  name   = "orders-db"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
