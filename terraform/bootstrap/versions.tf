terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The stack's exact version; its .terraform.lock.hcl, like the stack's, comes from
      # `./build.sh terraform --provider registry`, which fails until it is committed here.
      version = "6.37.0"
    }
  }

  # Local state on purpose: this configuration creates the bucket that every other state lives in.
  # It is applied once per account by an administrator; docs/operations.md says where to keep it.
}
