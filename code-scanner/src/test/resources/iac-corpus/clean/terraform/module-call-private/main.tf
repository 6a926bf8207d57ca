# Same module, called with its safe defaults and a private ACL spelled out.
module "archive" {
  source = "./modules/bucket"
  name   = "acme-archive"
  acl    = "private"
}

module "remote" {
  source = "git::https://example.com/modules/bucket.git"
  name   = "never-fetched"
  acl    = "public-read"
}
