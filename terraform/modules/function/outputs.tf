output "function_name" {
  description = "Lambda function name (also the FunctionName dimension of its metrics)."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "Version published by this apply, the one `live` points to."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "Name of the alias the API invokes."
  value       = aws_lambda_alias.this.name
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
