variable "environment" {
  type        = string
  description = "Which environment this state is: dev, sit or prod (from terraform/environments/<env>.tfvars). Names every resource campaigns-<env>-…."

  validation {
    condition     = contains(["dev", "sit", "prod"], var.environment)
    error_message = "The environment must be dev, sit or prod."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the environment (from its tfvars); the backend file names the same region for the state."

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "A region looks like eu-west-1 or af-south-1."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse DeleteTable on the campaigns table. Only DEV, whose data is test data, may turn it off."

  validation {
    condition     = var.deletion_protection || var.environment == "dev"
    error_message = "SIT and PROD keep deletion protection on: their data takes effort (or is impossible) to rebuild."
  }
}

variable "memory_size" {
  type        = number
  description = "Memory of every function in MB. CPU scales with it, so it also sets the cold-start time."

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "Lambda memory is between 128 and 10240 MB."
  }
}

variable "application_log_level" {
  type        = string
  description = "Lowest level of application log lines Lambda keeps. WARN and above would also drop the cold-start EMF lines and the request logs, which carry no level or INFO."

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO"], var.application_log_level)
    error_message = "Use TRACE, DEBUG or INFO: a higher level drops the EMF cold-start metrics and the request logs."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the function and access log groups in days."

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "CloudWatch Logs accepts only 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days."
  }
}

variable "throttling_burst_limit" {
  type        = number
  description = "Stage-wide burst limit of the HTTP API (requests)."

  validation {
    condition     = var.throttling_burst_limit > 0
    error_message = "The burst limit must be positive."
  }
}

variable "throttling_rate_limit" {
  type        = number
  description = "Stage-wide steady rate limit of the HTTP API (requests per second)."

  validation {
    condition     = var.throttling_rate_limit > 0
    error_message = "The rate limit must be positive."
  }
}

variable "account_concurrency_limit" {
  type        = number
  description = "The account's Lambda concurrent executions quota in this environment's region (Service Quotas L-B99A9384). Reservations must leave at least 100 of it unreserved: Lambda refuses a reservation that would leave less."

  validation {
    condition     = var.account_concurrency_limit >= 100 && floor(var.account_concurrency_limit) == var.account_concurrency_limit
    error_message = "The account's concurrency quota is a whole number, and at least 100 (the unreserved share Lambda always keeps)."
  }
}

variable "reserved_concurrency" {
  type        = map(number)
  description = "Reserved concurrent executions of each function, by functions.json key: each function both gets and is capped at its share, so the public list can neither take the write functions' concurrency nor the account's."

  validation {
    condition     = toset(keys(var.reserved_concurrency)) == toset(keys(jsondecode(file("${path.module}/../../functions/functions.json"))))
    error_message = "Give every functions.json function a reservation, and only those."
  }

  validation {
    condition     = alltrue([for count in values(var.reserved_concurrency) : count >= 1 && floor(count) == count])
    error_message = "Each reservation is a whole number of at least 1 (0 would stop the function)."
  }

  validation {
    condition     = sum(concat([0], values(var.reserved_concurrency))) + 100 <= var.account_concurrency_limit
    error_message = "The reservations must leave at least 100 of account_concurrency_limit unreserved."
  }
}

variable "account_throttling_burst_limit" {
  type        = number
  description = "API Gateway's account-level burst quota in this region (5,000 in most regions, 1,250 in af-south-1 and the other newer regions): no route's burst can exceed it."

  validation {
    condition     = var.account_throttling_burst_limit >= 1
    error_message = "The account's burst quota must be positive."
  }
}

variable "account_throttling_rate_limit" {
  type        = number
  description = "API Gateway's account-level throttle quota in this region, requests per second (10,000 in most regions, 2,500 in af-south-1 and the other newer regions): no route's rate can exceed it."

  validation {
    condition     = var.account_throttling_rate_limit > 0
    error_message = "The account's rate quota must be positive."
  }
}

variable "route_throttling" {
  type = map(object({
    burst_limit = number
    rate_limit  = number
  }))
  description = "Throttle of each route on the HTTP API stage, by functions.json key: burst (requests) and steady rate (requests per second), within the account's API Gateway quotas."

  validation {
    condition     = toset(keys(var.route_throttling)) == toset(keys(jsondecode(file("${path.module}/../../functions/functions.json"))))
    error_message = "Give every functions.json route a throttle, and only those."
  }

  validation {
    condition = alltrue([
      for route in values(var.route_throttling) :
      route.burst_limit >= 1 && route.rate_limit > 0 && route.burst_limit <= var.account_throttling_burst_limit && route.rate_limit <= var.account_throttling_rate_limit
    ])
    error_message = "Each route's limits must be positive and within the account's API Gateway quotas (account_throttling_burst_limit, account_throttling_rate_limit)."
  }
}

variable "create_alarm_topic" {
  type        = bool
  description = "Create an SNS topic for this environment's alarms (with alarm_emails subscribed)."
}

variable "account_id" {
  type        = string
  description = "AWS account of this environment (one account per environment). CI sets TF_VAR_account_id from the GitHub environment variable AWS_ACCOUNT_ID."

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "An AWS account id is 12 digits."
  }
}

variable "artifacts_dir" {
  type        = string
  description = "Folder holding <function>.zip for every function in functions/functions.json (the verified artifacts/arm64 download in CI)."
}

variable "artifact_sha" {
  type        = string
  description = "Commit the zips were built from; written into each function's description, so every published version names its commit."
  default     = "local"

  validation {
    condition     = can(regex("^([0-9a-f]{40}|local)$", var.artifact_sha))
    error_message = "artifact_sha is a full 40-character commit id (or \"local\" for a hand-run plan)."
  }
}

variable "jwt_issuer" {
  type        = string
  description = "Issuer URL of the identity provider for the write routes (GitHub environment variable JWT_ISSUER)."
}

variable "jwt_audience" {
  type        = list(string)
  description = "Accepted token audiences (GitHub environment variable JWT_AUDIENCE, a JSON list)."
}

variable "write_scope" {
  type        = string
  description = "The OAuth scope a token needs to create, update or delete campaigns, e.g. campaigns/write (set in <env>.tfvars). The write routes require it (authorization_scopes) and the write functions get it as WRITE_SCOPE."

  validation {
    # RFC 6749's scope-token: one or more printable ASCII characters other than space, '"' and '\\'.
    condition     = can(regex("^[!#-\\[\\]-~]+$", var.write_scope))
    error_message = "The write scope must be one non-empty OAuth scope token: printable ASCII without spaces, quotes or backslashes."
  }
}

variable "cors_allow_origins" {
  type        = list(string)
  description = "Browser origins allowed to call the API (GitHub environment variable CORS_ALLOW_ORIGINS, a JSON list); empty disables CORS."
  default     = []
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses subscribed to this environment's alarm topic."
  default     = []
}

variable "alarm_topic_arn" {
  type        = string
  description = "Existing SNS topic (e.g. on-call) that the alarms notify too; null for none."
  default     = null
}

variable "canary_weight" {
  type        = number
  description = "PROD's canary: the share of each function's live traffic (0.1 is 10 %) the new version gets while terraform/scripts/canary.sh watches its alarms, before it moves live to 100 %. 0 (DEV, SIT, or a PROD apply with skip-canary) moves live at once."
  default     = 0

  # Its range is the function module's validation.
  validation {
    condition     = var.canary_weight == 0 || var.environment == "prod"
    error_message = "Only PROD deploys through a canary: DEV and SIT move live at once, and nothing there would finish a canary."
  }
}

variable "canary_from_versions" {
  type        = map(string)
  description = "Each function's live version before this apply, by function key (apply.yml passes what terraform/scripts/live-versions.sh recorded, functions that did not exist left out). A canary keeps live on these versions."
  default     = {}
}

variable "smoke_caller" {
  type        = string
  description = "The smoke check's identity: the sub of its client-credentials tokens, i.e. its client id (GitHub environment variable SMOKE_CLIENT_ID). The functions get it as SMOKE_CALLER, and only its SMOKE- campaigns carry a TTL; empty when the smoke check runs read-only."
  default     = ""
}
