output "state_bucket" {
  description = "The state bucket: the GitHub environment variable TF_STATE_BUCKET."
  value       = aws_s3_bucket.state.id
}

output "github_oidc_provider_arn" {
  description = "The account's GitHub OIDC provider."
  value       = local.oidc_arn
}

output "deploy_role_arns" {
  description = "Deploy role by environment: the GitHub environment variable AWS_DEPLOY_ROLE_ARN."
  value       = { for environment, role in aws_iam_role.deploy : environment => role.arn }
}

output "permissions_boundary_arns" {
  description = "The permissions boundary every role of each environment's stack must carry, by environment (the stack derives the same ARN)."
  value       = { for environment, policy in aws_iam_policy.boundary : environment => policy.arn }
}

output "deploy_role_policies" {
  description = "Each deploy role's inline policy (JSON), for review."
  value       = { for environment, policy in aws_iam_role_policy.deploy : environment => policy.policy }
}

output "github_environment_variables" {
  description = "What to set on each GitHub environment (Settings → Environments → <env> → Variables)."
  value = {
    for environment, role in aws_iam_role.deploy : environment => {
      AWS_ACCOUNT_ID      = var.account_id
      AWS_DEPLOY_ROLE_ARN = role.arn
      TF_STATE_BUCKET     = aws_s3_bucket.state.id
    }
  }
}
