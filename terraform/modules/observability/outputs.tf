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
  description = "Each function's alarms by key, e.g. { get_campaign = { errors = \"campaigns-dev-get_campaign-errors\", … } }."
  value = {
    for key in keys(var.functions) : key => {
      errors         = aws_cloudwatch_metric_alarm.function_errors[key].alarm_name
      throttles      = aws_cloudwatch_metric_alarm.function_throttles[key].alarm_name
      p99_duration   = aws_cloudwatch_metric_alarm.function_p99_duration[key].alarm_name
      cold_start_p99 = aws_cloudwatch_metric_alarm.cold_start_p99[key].alarm_name
    }
  }
}

output "version_alarm_names" {
  description = "The alarms of the version each function published in this apply, by function key: { get_campaign = [\"campaigns-prod-get_campaign-v8-5xx\", \"campaigns-prod-get_campaign-v8-errors\"], … }; what the PROD canary watches."
  value = {
    for key in keys(var.canary_versions) : key => [
      aws_cloudwatch_metric_alarm.version_5xx[key].alarm_name,
      aws_cloudwatch_metric_alarm.version_errors[key].alarm_name,
    ]
  }
}

output "version_alarms" {
  description = "What each version alarm watches and when it fires, by function key and alarm (5xx, errors), as deployed."
  value = {
    for key in keys(var.canary_versions) : key => {
      for kind, alarm in { "5xx" = aws_cloudwatch_metric_alarm.version_5xx[key], errors = aws_cloudwatch_metric_alarm.version_errors[key] } : kind => {
        metric                   = "${alarm.namespace}/${alarm.metric_name}"
        dimensions               = alarm.dimensions
        statistic                = alarm.statistic
        period                   = alarm.period
        evaluation_periods       = alarm.evaluation_periods
        threshold                = alarm.threshold
        comparison               = alarm.comparison_operator
        missing_data             = alarm.treat_missing_data
        actions                  = length(alarm.alarm_actions)
      }
    }
  }
}
