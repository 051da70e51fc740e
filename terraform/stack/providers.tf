provider "aws" {
  region = var.region

  # A plan run with another account's credentials fails here instead of creating a second copy
  # of the environment in the wrong account.
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Project     = "Campaigns"
      Environment = var.environment
      ManagedBy   = "Terraform"
    }
  }
}
