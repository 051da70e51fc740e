# terraform -chdir=terraform/stack init -backend-config=../environments/sit.backend.hcl -backend-config="bucket=<state bucket of the SIT account>"
key    = "campaigns/sit/terraform.tfstate"
region = "eu-west-1"
