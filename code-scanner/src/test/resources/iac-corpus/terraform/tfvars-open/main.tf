variable "admin_cidrs" {
  type = list(string)
}

locals {
  ports = { ssh = 22 }
}

resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = local.ports.ssh
    to_port     = local.ports.ssh
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}
