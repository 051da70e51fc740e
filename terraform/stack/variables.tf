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
}

variable "jwt_issuer" {
  type        = string
  description = "Issuer URL of the identity provider for the write routes (GitHub environment variable JWT_ISSUER)."
}

variable "jwt_audience" {
  type        = list(string)
  description = "Accepted token audiences (GitHub environment variable JWT_AUDIENCE, a JSON list)."
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
