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
