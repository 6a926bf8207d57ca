# The module is safe by default; this caller opens it up (only visible with the inputs passed in).
locals {
  site = "acme-public-site"
}

module "site" {
  source       = "./modules/bucket"
  name         = local.site
  acl          = "public-read"
  block_public = false
}
