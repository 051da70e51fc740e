# terraform -chdir=terraform/stack init -backend-config=../environments/prod.backend.hcl -backend-config="bucket=<state bucket of the PROD account>"
key    = "campaigns/prod/terraform.tfstate"
region = "af-south-1"
