output "api_id" {
  description = "HTTP API id (the ApiId dimension of its metrics)."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the $default stage, e.g. https://<api-id>.execute-api.<region>.amazonaws.com."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "execution_arn" {
  description = "Execution ARN, the prefix of the Lambda permissions' source ARNs."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "stage_name" {
  description = "Stage name ($default)."
  value       = aws_apigatewayv2_stage.this.name
}

output "route_keys" {
  description = "Route key of each function, e.g. \"GET /v1.0/campaigns\"."
  value       = { for key, route in aws_apigatewayv2_route.this : key => route.route_key }
}

output "access_log_group_name" {
  description = "Log group of the JSON access logs."
  value       = aws_cloudwatch_log_group.this.name
}

output "route_authorization" {
  description = "Authorization of each function's route: JWT (the authorizer) or NONE."
  value       = { for key, route in aws_apigatewayv2_route.this : key => route.authorization_type }
}

output "route_scopes" {
  description = "OAuth scopes each function's route requires; empty for a public route."
  value       = { for key, route in aws_apigatewayv2_route.this : key => route.authorization_scopes == null ? [] : sort(route.authorization_scopes) }
}

output "integrations" {
  description = "Each function's integration: type, payload format and the invoked ARN (the live alias)."
  value = {
    for key, integration in aws_apigatewayv2_integration.this : key => {
      integration_type       = integration.integration_type
      payload_format_version = integration.payload_format_version
      integration_uri        = integration.integration_uri
    }
  }
}

output "permission_source_arns" {
  description = "The source ARN each function's invoke permission is limited to."
  value       = { for key, permission in aws_lambda_permission.this : key => permission.source_arn }
}

output "route_throttling" {
  description = "The throttles on the stage by route key, each a list of its settings (burst in requests, rate in requests per second): a list, so that two routes with one key show up instead of failing the plan."
  value = {
    for settings in aws_apigatewayv2_stage.this.route_settings : settings.route_key => {
      burst_limit = settings.throttling_burst_limit
      rate_limit  = settings.throttling_rate_limit
    }...
  }
}
