# terraform init -backend-config=backend.hcl -backend-config="bucket=<state bucket of this account>"
key    = "campaigns/dev/terraform.tfstate"
region = "eu-west-1"
