variable "account_id" {
  type        = string
  description = "The AWS account being bootstrapped (one account per environment)."

  validation {
    condition     = can(regex("^[0-9]{12}$", var.account_id))
    error_message = "An AWS account id is 12 digits."
  }
}

variable "region" {
  type        = string
  description = "Region of the state bucket: the region of terraform/environments/<env>.backend.hcl for the environments of this account."

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "A region looks like eu-west-1 or af-south-1."
  }
}

variable "environments" {
  type        = set(string)
  description = "The environments deployed into this account, each getting its own deploy role (usually one: dev, sit or prod)."

  validation {
    condition     = length(var.environments) > 0 && alltrue([for environment in var.environments : contains(["dev", "sit", "prod"], environment)])
    error_message = "Name at least one of dev, sit and prod."
  }
}

variable "github_repository" {
  type        = string
  description = "The GitHub repository whose workflows may deploy, as owner/name."

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Give the repository as owner/name."
  }
}

variable "state_bucket_name" {
  type        = string
  description = "Name of the state bucket; null names it campaigns-tfstate-<account id>-<region>, unique across AWS."
  default     = null
}

variable "create_github_oidc_provider" {
  type        = bool
  description = "Create the account's GitHub OIDC provider. An account can hold only one for token.actions.githubusercontent.com: set false if it exists and give its ARN in github_oidc_provider_arn."
  default     = true
}

variable "github_oidc_provider_arn" {
  type        = string
  description = "ARN of an existing GitHub OIDC provider, used when create_github_oidc_provider is false."
  default     = null

  validation {
    condition     = var.create_github_oidc_provider || var.github_oidc_provider_arn != null
    error_message = "Without create_github_oidc_provider, give the existing provider's ARN."
  }
}
