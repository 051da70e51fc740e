output "environment" {
  description = "Environment name."
  value       = var.environment
}

output "region" {
  description = "Region of this environment."
  value       = var.region
}

output "api_endpoint" {
  description = "Base URL of the API; the routes are under /v1.0."
  value       = module.http_api.api_endpoint
}

output "function_names" {
  description = "Lambda function name by function key, for rollback.sh and coldstart.sh."
  value       = { for key, fn in module.functions : key => fn.function_name }
}

output "function_versions" {
  description = "Version the live alias points to after this apply, by function key."
  value       = { for key, fn in module.functions : key => fn.version }
}

output "table_name" {
  description = "DynamoDB table name."
  value       = module.table.name
}

output "dashboard_url" {
  description = "CloudWatch dashboard of this environment."
  value       = module.observability.dashboard_url
}

output "artifact_sha" {
  description = "Commit of the deployed zips."
  value       = var.artifact_sha
}
