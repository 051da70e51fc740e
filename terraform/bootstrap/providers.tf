provider "aws" {
  region = var.region

  # Applying with the credentials of another account fails here instead of bootstrapping it.
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project   = "Campaigns"
      ManagedBy = "Terraform"
      Purpose   = "bootstrap"
    }
  }
}
