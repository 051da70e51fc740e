variable "name" {
  type        = string
  description = "Table name, e.g. campaigns-dev. The functions receive it as TABLE_NAME."
}

variable "schema" {
  type = object({
    attributes = list(object({
      name = string
      type = string
    }))
    hash_key      = string
    range_key     = string
    ttl_attribute = string
    global_secondary_indexes = list(object({
      name            = string
      hash_key        = string
      range_key       = string
      projection_type = string
    }))
  })
  description = "Key schema decoded from functions/table.json: attribute definitions, table keys, the TTL attribute and global secondary indexes."

  validation {
    condition = alltrue(flatten([
      [for key in [var.schema.hash_key, var.schema.range_key] : contains(var.schema.attributes[*].name, key)],
      [for index in var.schema.global_secondary_indexes : [contains(var.schema.attributes[*].name, index.hash_key), contains(var.schema.attributes[*].name, index.range_key)]],
    ]))
    error_message = "Every table and index key must be declared in schema.attributes."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse DeleteTable while true. Keep it on wherever the data matters (always in prod)."
}

variable "kms_key_arn" {
  type        = string
  description = "Customer managed KMS key for server-side encryption; null uses the AWS managed key for DynamoDB."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags added to the table on top of the provider's default tags."
  default     = {}
}
