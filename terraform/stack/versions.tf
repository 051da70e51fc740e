terraform {
  # 1.10 for S3-native state locking (use_lockfile); DynamoDB lock tables are deprecated.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # One exact version: the committed schema in tests/terraform/schema describes exactly this
      # build. Its .terraform.lock.hcl needs the registry: `./build.sh terraform --provider registry`
      # (GitHub CI) prints it for linux_amd64 and linux_arm64 and fails until it is committed here.
      # The modules' floor explains why nothing older will do.
      version = "6.37.0"
    }
  }

  # Partial configuration: terraform/environments/<env>.backend.hcl names the state key and region;
  # the bucket (one per account, made by terraform/bootstrap) comes from -backend-config="bucket=...".
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }
}
