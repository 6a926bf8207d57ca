variable "office_cidrs" {
  type = list(string)
}

resource "aws_security_group" "admin" {
  name = "admin-from-office"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.office_cidrs
  }
  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "lb" {
  security_group_id = aws_security_group.admin.id
  cidr_ipv4         = data.aws_vpc.main.cidr_block
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}
