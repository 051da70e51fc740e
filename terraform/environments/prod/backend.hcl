# terraform init -backend-config=backend.hcl -backend-config="bucket=<state bucket of this account>"
key    = "campaigns/prod/terraform.tfstate"
region = "af-south-1"
