# Cold starts and health of the Campaigns API in CloudWatch: the saved Logs Insights queries from
# terraform/queries (the same files terraform/scripts/coldstart.sh runs), one dashboard and the
# alarms, optionally notifying an SNS topic.

data "aws_region" "this" {}

locals {
  region         = data.aws_region.this.region
  log_group_list = [for key in sort(keys(var.functions)) : var.functions[key].log_group_name]
  function_keys  = sort(keys(var.functions))

  # Every *.logsinsights file becomes a saved query: adding a query is adding a file.
  queries = {
    for file_name in fileset(var.queries_dir, "*.logsinsights") :
    trimsuffix(file_name, ".logsinsights") => trimspace(file("${var.queries_dir}/${file_name}"))
  }

  # Dashboard log widgets name their log groups inline, in front of the query.
  widget_sources = join(" | ", [for group in local.log_group_list : "SOURCE '${group}'"])

  alarm_actions = [for arn in [var.alarm_topic_arn, one(aws_sns_topic.this[*].arn)] : arn if arn != null]

  # One line per function in the metric widgets.
  lambda_lines = {
    for metric_name in ["Errors", "Throttles", "Duration"] : metric_name => [
      for key in local.function_keys : ["AWS/Lambda", metric_name, "FunctionName", var.functions[key].function_name, { label = key }]
    ]
  }
  emf_lines = {
    for stat in ["p50", "p99"] : stat => [
      for key in local.function_keys : [var.metric_namespace, "InitDurationMs", "FunctionName", var.functions[key].function_name, { label = key, stat = stat }]
    ]
  }
  cold_start_count_lines = [
    for key in local.function_keys : [var.metric_namespace, "ColdStart", "FunctionName", var.functions[key].function_name, { label = key, stat = "Sum" }]
  ]
}

resource "aws_cloudwatch_query_definition" "this" {
  for_each = local.queries

  name            = "${var.name}/${each.key}"
  log_group_names = local.log_group_list
  query_string    = each.value
}

resource "aws_sns_topic" "this" {
  count = var.create_alarm_topic ? 1 : 0
  name  = "${var.name}-alarms"
  # Not encrypted with the AWS managed SNS key on purpose: CloudWatch alarms cannot publish to a
  # topic under that key (its key policy cannot grant CloudWatch). Alarm texts hold no secrets.
  tags = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = var.create_alarm_topic ? toset(var.alarm_emails) : toset([])

  topic_arn = aws_sns_topic.this[0].arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      {
        type = "text", x = 0, y = 0, width = 24, height = 2
        properties = {
          markdown = "## ${var.name}: cold starts and health\nLogs Insights widgets read Lambda's `platform.report` records (JSON log format); the EMF widgets read the `${var.metric_namespace}` metrics each function writes on its first invocation. Saved queries: Logs Insights → Queries → `${var.name}/`."
        }
      },
      {
        type = "log", x = 0, y = 2, width = 24, height = 6
        properties = {
          title  = "Cold starts by function (init and init+duration percentiles in ms, peak memory in MB)"
          region = local.region
          view   = "table"
          query  = "${local.widget_sources} | ${replace(local.queries["cold_starts_by_function"], "\n", " ")}"
        }
      },
      {
        type = "metric", x = 0, y = 8, width = 8, height = 6
        properties = {
          title   = "Init duration p50 (ms, EMF)"
          region  = local.region
          view    = "timeSeries"
          period  = 300
          metrics = local.emf_lines["p50"]
        }
      },
      {
        type = "metric", x = 8, y = 8, width = 8, height = 6
        properties = {
          title   = "Init duration p99 (ms, EMF)"
          region  = local.region
          view    = "timeSeries"
          period  = 300
          metrics = local.emf_lines["p99"]
        }
      },
      {
        type = "metric", x = 16, y = 8, width = 8, height = 6
        properties = {
          title   = "Cold starts (count, EMF)"
          region  = local.region
          view    = "timeSeries"
          period  = 300
          metrics = local.cold_start_count_lines
        }
      },
      {
        type = "metric", x = 0, y = 14, width = 8, height = 6
        properties = {
          title   = "Function errors"
          region  = local.region
          view    = "timeSeries"
          stat    = "Sum"
          period  = 60
          metrics = local.lambda_lines["Errors"]
        }
      },
      {
        type = "metric", x = 8, y = 14, width = 8, height = 6
        properties = {
          title   = "Throttles"
          region  = local.region
          view    = "timeSeries"
          stat    = "Sum"
          period  = 60
          metrics = local.lambda_lines["Throttles"]
        }
      },
      {
        type = "metric", x = 16, y = 14, width = 8, height = 6
        properties = {
          title   = "Duration p99 (ms)"
          region  = local.region
          view    = "timeSeries"
          stat    = "p99"
          period  = 60
          metrics = local.lambda_lines["Duration"]
        }
      },
      {
        type = "metric", x = 0, y = 20, width = 12, height = 6
        properties = {
          title  = "API requests and errors"
          region = local.region
          view   = "timeSeries"
          stat   = "Sum"
          period = 60
          metrics = [
            ["AWS/ApiGateway", "Count", "ApiId", var.api_id, { label = "requests" }],
            ["AWS/ApiGateway", "4xx", "ApiId", var.api_id, { label = "4xx" }],
            ["AWS/ApiGateway", "5xx", "ApiId", var.api_id, { label = "5xx" }],
          ]
        }
      },
      {
        type = "metric", x = 12, y = 20, width = 12, height = 6
        properties = {
          title  = "API latency (ms)"
          region = local.region
          view   = "timeSeries"
          period = 60
          metrics = [
            ["AWS/ApiGateway", "Latency", "ApiId", var.api_id, { label = "p50", stat = "p50" }],
            ["AWS/ApiGateway", "Latency", "ApiId", var.api_id, { label = "p99", stat = "p99" }],
            ["AWS/ApiGateway", "IntegrationLatency", "ApiId", var.api_id, { label = "integration p99", stat = "p99" }],
          ]
        }
      },
      {
        type = "log", x = 0, y = 26, width = 24, height = 6
        properties = {
          title  = "Invocations, cold starts and warm duration by function"
          region = local.region
          view   = "table"
          query  = "${local.widget_sources} | ${replace(local.queries["cold_start_rate_by_function"], "\n", " ")}"
        }
      },
      {
        type = "metric", x = 0, y = 32, width = 24, height = 6
        properties = {
          title  = "4xx and 5xx answers by function and version (EMF)"
          region = local.region
          view   = "timeSeries"
          period = 60
          metrics = [
            [{ expression = "SEARCH('{${var.metric_namespace},FunctionName,Version} MetricName=\"Http5xx\"', 'Sum', 60)", id = "answers5xx", label = "5xx" }],
            [{ expression = "SEARCH('{${var.metric_namespace},FunctionName,Version} MetricName=\"Http4xx\"', 'Sum', 60)", id = "answers4xx", label = "4xx" }],
          ]
        }
      },
    ]
  })
}

# 5xx as a share of requests, so that a quiet environment does not page on a single failure:
# below the minimum request count the expression reads 0.
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name}-api-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_rate_threshold_percent}% of API requests answered 5xx (with at least ${var.api_5xx_min_requests} requests in 5 minutes)."
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_rate_threshold_percent
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    label       = "5xx rate (%)"
    expression  = "IF(requests >= ${var.api_5xx_min_requests}, 100 * errors / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5xx"
      dimensions  = { ApiId = var.api_id }
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = { ApiId = var.api_id }
      period      = 300
      stat        = "Sum"
    }
  }

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "api_p99_latency" {
  alarm_name          = "${var.name}-api-p99-latency"
  alarm_description   = "API p99 latency above ${var.api_p99_latency_threshold_ms} ms for 15 minutes."
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = { ApiId = var.api_id }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_p99_latency_threshold_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-errors"
  alarm_description   = "${each.key} reported at least ${var.function_errors_threshold} errors (unhandled exceptions, init failures, timeouts) in 5 minutes."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.function_errors_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "function_throttles" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-throttles"
  alarm_description   = "${each.key} was throttled: requests were refused for lack of concurrency."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "function_p99_duration" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-p99-duration"
  alarm_description   = "${each.key} p99 duration above ${var.function_p99_duration_threshold_ms} ms for 15 minutes."
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = each.value.function_name }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.function_p99_duration_threshold_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# Reads the EMF metric each function writes on its first invocation. Cold starts are rare, so
# the window is an hour and no data (no cold start) is fine.
resource "aws_cloudwatch_metric_alarm" "cold_start_p99" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-cold-start-p99"
  alarm_description   = "${each.key} cold-start init p99 above ${var.cold_start_p99_threshold_ms} ms over an hour (EMF ${var.metric_namespace}/InitDurationMs)."
  namespace           = var.metric_namespace
  metric_name         = "InitDurationMs"
  dimensions          = { FunctionName = each.value.function_name }
  extended_statistic  = "p99"
  period              = 3600
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.cold_start_p99_threshold_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# The version each apply publishes gets its own pair of alarms, named after it: created by that
# apply, replaced by the next one, so that each starts without data instead of inheriting the state
# of the version before (CloudWatch keeps an alarm's state when its configuration changes). By
# version, they see the new version apart from the 90 % the old one still serves in a canary, within
# a minute; terraform/scripts/canary.sh watches them. No actions: one 5xx is enough to stop a canary
# but not to page anyone, which the rate alarm above does.
resource "aws_cloudwatch_metric_alarm" "version_5xx" {
  for_each = var.canary_versions

  alarm_name          = "${var.name}-${each.key}-v${each.value}-5xx"
  alarm_description   = "Version ${each.value} of ${each.key} answered at least ${var.version_5xx_threshold} 5xx in a minute (EMF ${var.metric_namespace}/Http5xx by FunctionName and Version, which counts the 500s the function answers itself)."
  namespace           = var.metric_namespace
  metric_name         = "Http5xx"
  dimensions          = { FunctionName = var.functions[each.key].function_name, Version = each.value }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.version_5xx_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = []
  tags                = var.tags
}

# What the EMF count cannot see: a version that crashes, times out or fails init writes no record,
# and API Gateway answers 500 for it. Lambda counts those by ExecutedVersion for alias invocations.
resource "aws_cloudwatch_metric_alarm" "version_errors" {
  for_each = var.canary_versions

  alarm_name          = "${var.name}-${each.key}-v${each.value}-errors"
  alarm_description   = "Version ${each.value} of ${each.key} failed at least ${var.version_5xx_threshold} invocations through ${var.alias_name} in a minute (AWS/Lambda Errors by ExecutedVersion: crashes, timeouts, init failures)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = var.functions[each.key].function_name, Resource = "${var.functions[each.key].function_name}:${var.alias_name}", ExecutedVersion = each.value }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.version_5xx_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = []
  tags                = var.tags
}
