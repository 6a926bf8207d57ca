resource "aws_security_group" "cache" {
  name   = "cache"
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  security_group_id = aws_security_group.cache.id
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 6379
  to_port           = 6379
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "partner" {
  security_group_id = aws_security_group.cache.id
  cidr_ipv4         = "198.51.100.0/24"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
