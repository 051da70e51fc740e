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

output "function_alarm_names" {
  description = "Each function's alarms by key, e.g. { get_campaign = { errors = \"campaigns-dev-get_campaign-errors\", … } }; the PROD canary watches errors and p99_duration."
  value = {
    for key in keys(var.functions) : key => {
      errors         = aws_cloudwatch_metric_alarm.function_errors[key].alarm_name
      throttles      = aws_cloudwatch_metric_alarm.function_throttles[key].alarm_name
      p99_duration   = aws_cloudwatch_metric_alarm.function_p99_duration[key].alarm_name
      cold_start_p99 = aws_cloudwatch_metric_alarm.cold_start_p99[key].alarm_name
    }
  }
}
