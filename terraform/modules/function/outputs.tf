output "function_name" {
  description = "Lambda function name (also the FunctionName dimension of its metrics)."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "Version published by this apply, the one `live` points to (in a canary once canary.sh has moved it)."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "Name of the alias the API invokes."
  value       = aws_lambda_alias.this.name
}

output "alias_routing" {
  description = "Where live sends traffic after this apply: its version, and the new version's share during a canary ({} otherwise)."
  value = {
    function_version           = aws_lambda_alias.this.function_version
    additional_version_weights = try(aws_lambda_alias.this.routing_config[0].additional_version_weights, {})
  }
}

output "alias_arn" {
  description = "ARN of the live alias."
  value       = aws_lambda_alias.this.arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the live alias, the HTTP API integration target."
  value       = aws_lambda_alias.this.invoke_arn
}

output "log_group_name" {
  description = "The function's log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "role_arn" {
  description = "Execution role ARN."
  value       = aws_iam_role.this.arn
}

output "permissions_boundary" {
  description = "ARN of the permissions boundary the execution role carries."
  value       = aws_iam_role.this.permissions_boundary
}

output "permissions_policy" {
  description = "The execution role's inline policy (JSON): its own log group, and exactly the DynamoDB actions and ARNs this function was given."
  value       = aws_iam_role_policy.this.policy
}

output "configuration" {
  description = "How the function runs, as deployed: architecture, runtime, memory, timeout and logging."
  value = {
    architectures         = aws_lambda_function.this.architectures
    runtime               = aws_lambda_function.this.runtime
    handler               = aws_lambda_function.this.handler
    memory_size           = aws_lambda_function.this.memory_size
    timeout               = aws_lambda_function.this.timeout
    publish               = aws_lambda_function.this.publish
    environment           = aws_lambda_function.this.environment[0].variables
    log_format            = aws_lambda_function.this.logging_config[0].log_format
    log_group             = aws_lambda_function.this.logging_config[0].log_group
    application_log_level = aws_lambda_function.this.logging_config[0].application_log_level
    system_log_level      = aws_lambda_function.this.logging_config[0].system_log_level
    log_retention_days    = aws_cloudwatch_log_group.this.retention_in_days
    reserved_concurrency  = aws_lambda_function.this.reserved_concurrent_executions
  }
}
