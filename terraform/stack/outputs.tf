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
  description = "Version published by this apply, by function key: where live points after the apply, or in a canary once canary.sh has moved it."
  value       = { for key, fn in module.functions : key => fn.version }
}

output "live_routing" {
  description = "Where each function's live alias sends traffic after this apply: its version and, during a canary, the new version's share."
  value       = { for key, fn in module.functions : key => fn.alias_routing }
}

output "canary_alarm_names" {
  description = "The alarms terraform/scripts/canary.sh watches during a canary, by function key: the 5xx answers and the failed invocations of the version this apply published, in 1-minute periods."
  value       = module.observability.version_alarm_names
}

output "version_alarms" {
  description = "The canary's alarms by function key: what each watches (metric, dimensions, period) and when it fires."
  value       = module.observability.version_alarms
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
