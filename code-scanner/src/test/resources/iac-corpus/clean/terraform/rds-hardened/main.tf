resource "aws_db_instance" "orders" {
  identifier              = "orders-private"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  publicly_accessible     = false
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = true
  username                = "app"
  manage_master_user_password = true
}
