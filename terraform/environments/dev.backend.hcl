# terraform -chdir=terraform/stack init -backend-config=../environments/dev.backend.hcl -backend-config="bucket=<state bucket of the DEV account>"
key    = "campaigns/dev/terraform.tfstate"
region = "eu-west-1"
