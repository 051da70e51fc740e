output "dashboard_name" {
  description = "CloudWatch dashboard name."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "dashboard_url" {
  description = "Console link to the dashboard."
  value       = "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards:name=${aws_cloudwatch_dashboard.this.dashboard_name}"
}

output "query_names" {
  description = "Saved Logs Insights query names by query file."
  value       = { for key, query in aws_cloudwatch_query_definition.this : key => query.name }
}

output "alarm_topic_arn" {
  description = "ARN of the created alarm topic, or null."
  value       = one(aws_sns_topic.this[*].arn)
}
