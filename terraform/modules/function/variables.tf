variable "name" {
  type        = string
  description = "Lambda function name, e.g. campaigns-dev-get_campaign. Also names the log group and role."

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,56}$", var.name))
    error_message = "Use letters, digits, '-' and '_', at most 56 characters (the role name adds '-role' within IAM's 64)."
  }
}

variable "description" {
  type        = string
  description = "Function description; the environments put the artifact's commit here so every published version names its commit."
  default     = ""
}

variable "zip_path" {
  type        = string
  description = "Path of the deployment zip with `bootstrap` at its root (artifacts/arm64/<function>.zip)."
}

variable "table_name" {
  type        = string
  description = "DynamoDB table name, passed to the function as TABLE_NAME."
}

variable "table_arn" {
  type        = string
  description = "Table ARN, granted when dynamodb_resources contains \"table\"."
}

variable "index_arns" {
  type        = list(string)
  description = "Index ARNs, granted when dynamodb_resources contains \"index\"."
  default     = []
}

variable "permissions_boundary" {
  type        = string
  description = "ARN of the environment's permissions boundary policy (campaigns-boundary-<env>, made by terraform/bootstrap), set on the execution role."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:policy/campaigns-boundary-[a-z]+$", var.permissions_boundary))
    error_message = "Give the ARN of a campaigns-boundary-<env> IAM policy: the deploy role may create no role without it."
  }
}

variable "dynamodb_actions" {
  type        = list(string)
  description = "The exact DynamoDB actions this function needs, from its entry in functions/functions.json."

  validation {
    condition     = length(var.dynamodb_actions) > 0 && alltrue([for action in var.dynamodb_actions : can(regex("^dynamodb:[A-Za-z]+$", action))])
    error_message = "List named DynamoDB actions such as dynamodb:GetItem; wildcards are not allowed."
  }
}

variable "dynamodb_resources" {
  type        = list(string)
  description = "Which ARNs the actions apply to: \"table\", \"index\" or both, from functions/functions.json."

  validation {
    condition     = length(var.dynamodb_resources) > 0 && alltrue([for kind in var.dynamodb_resources : contains(["table", "index"], kind)])
    error_message = "Each entry must be \"table\" or \"index\"."
  }
}

variable "memory_size" {
  type        = number
  description = "Memory in MB. CPU scales with it, so it also shortens the cold start."
  default     = 256
}

variable "timeout" {
  type        = number
  description = "Timeout in seconds; must stay below the HTTP API's 30 s integration limit."
  default     = 10

  validation {
    condition     = var.timeout >= 1 && var.timeout < 30
    error_message = "Keep the timeout between 1 and 29 seconds, below the HTTP API integration limit."
  }
}

variable "reserved_concurrency" {
  type        = number
  description = "Reserved concurrent executions; -1 leaves the function on the account's unreserved pool."
  default     = -1
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the function's log group in days."
  default     = 30
}

variable "application_log_level" {
  type        = string
  description = "Lowest level of application log lines Lambda keeps (TRACE, DEBUG, INFO, WARN, ERROR, FATAL)."
  default     = "INFO"

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], var.application_log_level)
    error_message = "Use TRACE, DEBUG, INFO, WARN, ERROR or FATAL."
  }
}

variable "system_log_level" {
  type        = string
  description = "Lowest level of Lambda platform records kept. INFO or DEBUG: platform.report, which the cold-start queries read, is an INFO record."
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO"], var.system_log_level)
    error_message = "Use INFO or DEBUG; WARN would drop platform.report and blind the cold-start queries."
  }
}

variable "environment" {
  type        = map(string)
  description = "Extra environment variables. TABLE_NAME is always set from table_name."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags added on top of the provider's default tags."
  default     = {}
}

variable "canary_from_version" {
  type        = string
  description = "The version live pointed to before this apply (terraform/scripts/live-versions.sh). With canary_weight above 0 and a new version published, live stays on it and sends canary_weight of its traffic to the new version; null (a first deploy) moves live at once."
  default     = null

  validation {
    condition     = var.canary_from_version == null || can(regex("^[0-9]+$", var.canary_from_version))
    error_message = "canary_from_version is a published version number such as \"12\"."
  }
}

variable "canary_weight" {
  type        = number
  description = "Share of live's traffic the new version gets during a canary (0.1 is 10 %); 0 moves live to the new version at once."
  default     = 0

  validation {
    condition     = var.canary_weight >= 0 && var.canary_weight < 1
    error_message = "canary_weight is at least 0 (no canary) and below 1."
  }
}
