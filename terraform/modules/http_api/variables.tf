variable "name" {
  type        = string
  description = "API name, e.g. campaigns-dev; also names the access log group."
}

variable "functions" {
  type = map(object({
    method = string
    path   = string
    jwt    = bool
  }))
  description = "Routes by function name, decoded from functions/functions.json (other attributes of an entry are ignored)."

  validation {
    condition     = alltrue([for route in values(var.functions) : contains(["GET", "POST", "PUT", "PATCH", "DELETE"], route.method)])
    error_message = "Methods must be upper-case GET, POST, PUT, PATCH or DELETE."
  }

  validation {
    # Writes change campaigns: a write route without the authorizer would let anyone do it.
    condition     = alltrue([for route in values(var.functions) : route.jwt if route.method != "GET"])
    error_message = "Every POST, PUT, PATCH and DELETE route must have jwt = true."
  }
}

variable "targets" {
  type = map(object({
    function_name = string
    alias_name    = string
    invoke_arn    = string
  }))
  description = "For each key of `functions`: the Lambda function, its alias and the alias's invoke ARN."

  validation {
    condition     = length(setsubtract(keys(var.functions), keys(var.targets))) == 0
    error_message = "Every function in `functions` needs a target."
  }
}

variable "jwt_issuer" {
  type        = string
  description = "Issuer URL of the identity provider whose tokens may call the write routes (the `iss` claim)."

  validation {
    condition     = startswith(var.jwt_issuer, "https://")
    error_message = "The issuer must be an https URL."
  }
}

variable "jwt_audience" {
  type        = list(string)
  description = "Accepted `aud` (or client id) values of the tokens."

  validation {
    condition     = length(var.jwt_audience) > 0
    error_message = "Give at least one audience."
  }
}

variable "write_scope" {
  type        = string
  description = "OAuth scope every JWT route requires (its `authorization_scopes`), e.g. campaigns/write: the authorizer refuses a token whose `scope` or `scp` claim lacks it with 403."

  validation {
    # RFC 6749's scope-token: one or more printable ASCII characters other than space, '"' and '\\'.
    condition     = can(regex("^[!#-\\[\\]-~]+$", var.write_scope))
    error_message = "The write scope must be one non-empty OAuth scope token: printable ASCII without spaces, quotes or backslashes."
  }
}

variable "cors_allow_origins" {
  type        = list(string)
  description = "Origins allowed to call the API from a browser, e.g. [\"https://portal.example.com\"]. Empty turns CORS off."
  default     = []

  validation {
    condition     = !contains(var.cors_allow_origins, "*")
    error_message = "List the origins; '*' would let any web page drive a logged-in user's browser."
  }
}

variable "throttling_burst_limit" {
  type        = number
  description = "Stage-wide burst limit (requests)."
  default     = 100
}

variable "throttling_rate_limit" {
  type        = number
  description = "Stage-wide steady-state limit (requests per second)."
  default     = 50
}

variable "route_throttling" {
  type = map(object({
    burst_limit = number
    rate_limit  = number
  }))
  description = "Throttle of each route, by functions.json key: burst (requests) and steady rate (requests per second). A route without an entry has the stage's limits."
  default     = {}

  validation {
    condition     = alltrue([for route in values(var.route_throttling) : route.burst_limit >= 1 && route.rate_limit > 0 && floor(route.burst_limit) == route.burst_limit])
    error_message = "Each route's burst limit must be a whole number of at least 1, and its rate limit positive."
  }
}

variable "detailed_metrics_enabled" {
  type        = bool
  description = "Per-route CloudWatch metrics (charged as custom metrics)."
  default     = false
}

variable "access_log_retention_days" {
  type        = number
  description = "Retention of the access log group in days."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags added on top of the provider's default tags."
  default     = {}
}
