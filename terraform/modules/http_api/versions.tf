terraform {
  # 1.10 brings S3-native state locking (use_lockfile), which every root relies on.
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.37 is a floor, not a habit: global_secondary_index.key_schema arrived in 6.29, dynamic
      # key_schema blocks stopped crashing the provider in 6.30, and later 6.3x releases fixed a
      # perpetual diff on indexes with a sort key and a GSI removal that rebuilt every index.
      # Modules share the floor so that a root cannot pick an older provider for one of them.
      version = ">= 6.37.0, < 7.0.0"
    }
  }
}
