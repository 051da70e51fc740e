variable "name" {
  type        = string
  description = "Prefix of the dashboard, saved queries, alarms and topic, e.g. campaigns-dev."
}

variable "functions" {
  type = map(object({
    function_name  = string
    log_group_name = string
  }))
  description = "The functions by key (as in functions/functions.json): Lambda function name and log group."
}

variable "api_id" {
  type        = string
  description = "HTTP API id, the ApiId dimension of the API metrics."
}

variable "queries_dir" {
  type        = string
  description = "Folder of *.logsinsights files (terraform/queries), also read by terraform/scripts/coldstart.sh. Must hold cold_starts_by_function and cold_start_rate_by_function."
}

variable "metric_namespace" {
  type        = string
  description = "Namespace of the Embedded Metric Format records: cold start (ColdStart and InitDurationMs by FunctionName) and answers (Http4xx and Http5xx by FunctionName and Version)."
  default     = "Campaigns"
}

variable "create_alarm_topic" {
  type        = bool
  description = "Create an SNS topic for the alarms (subscribe alarm_emails to it)."
  default     = false
}

variable "alarm_topic_arn" {
  type        = string
  description = "An existing SNS topic to notify as well, e.g. a shared on-call topic; null for none."
  default     = null
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses subscribed to the created topic (each must confirm the subscription)."
  default     = []
}

variable "api_5xx_rate_threshold_percent" {
  type        = number
  description = "Alarm when more than this percentage of API requests answer 5xx, two 5-minute periods running."
  default     = 1
}

variable "api_5xx_min_requests" {
  type        = number
  description = "Requests per 5 minutes below which the 5xx rate alarm stays quiet."
  default     = 20
}

variable "api_p99_latency_threshold_ms" {
  type        = number
  description = "Alarm when the API's p99 latency exceeds this many milliseconds for 15 minutes."
  default     = 1000
}

variable "function_errors_threshold" {
  type        = number
  description = "Alarm when a function reports at least this many errors in 5 minutes."
  default     = 1
}

variable "function_p99_duration_threshold_ms" {
  type        = number
  description = "Alarm when a function's p99 duration exceeds this many milliseconds for 15 minutes."
  default     = 3000
}

variable "cold_start_p99_threshold_ms" {
  type        = number
  description = "Alarm when a function's cold-start init p99 (EMF InitDurationMs) exceeds this over an hour."
  default     = 1000
}

variable "canary_versions" {
  type        = map(string)
  description = "The version each function published in this apply, by function key. Each gets a 5xx and an errors alarm by version, with 1-minute periods: what terraform/scripts/canary.sh watches. Empty: no such alarms."
  default     = {}

  validation {
    condition     = alltrue([for version in values(var.canary_versions) : can(regex("^[0-9]+$", version))])
    error_message = "canary_versions holds published version numbers such as \"12\"."
  }
}

variable "alias_name" {
  type        = string
  description = "The alias the HTTP API invokes: Lambda's per-version metrics of alias invocations carry it in their Resource dimension."
  default     = "live"
}

variable "version_5xx_threshold" {
  type        = number
  description = "5xx answers (or failed invocations) of one version in a minute that put its alarm in ALARM, and so stop a canary."
  default     = 1
}

variable "tags" {
  type        = map(string)
  description = "Tags added on top of the provider's default tags."
  default     = {}
}
