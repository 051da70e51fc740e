terraform {
  # 1.10 for S3-native state locking (use_lockfile); DynamoDB lock tables are deprecated.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # See terraform/modules/*/versions.tf for why 6.37 is the floor. Commit the
      # .terraform.lock.hcl that the first `terraform init` writes, so every run uses the same build.
      version = ">= 6.37.0, < 7.0.0"
    }
  }

  # Partial configuration: backend.hcl beside this file names the state key and region of this
  # environment; the bucket (one per account) comes from -backend-config="bucket=..." in CI.
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
