output "name" {
  description = "Table name."
  value       = aws_dynamodb_table.this.name
}

output "arn" {
  description = "Table ARN, the resource for item-level actions (GetItem, PutItem, UpdateItem)."
  value       = aws_dynamodb_table.this.arn
}

output "index_arns" {
  description = "ARN of each global secondary index by name, the resource for Query on an index."
  value       = { for index in var.schema.global_secondary_indexes : index.name => "${aws_dynamodb_table.this.arn}/index/${index.name}" }
}

output "stream_arn" {
  description = "ARN of the NEW_AND_OLD_IMAGES stream, for audit consumers."
  value       = aws_dynamodb_table.this.stream_arn
}

output "configuration" {
  description = "Billing, protection, TTL and keys of the table and its indexes, as deployed."
  value = {
    billing_mode           = aws_dynamodb_table.this.billing_mode
    point_in_time_recovery = aws_dynamodb_table.this.point_in_time_recovery[0].enabled
    deletion_protection    = aws_dynamodb_table.this.deletion_protection_enabled
    encrypted              = aws_dynamodb_table.this.server_side_encryption[0].enabled
    hash_key               = aws_dynamodb_table.this.hash_key
    range_key              = aws_dynamodb_table.this.range_key
    ttl                    = { for ttl in aws_dynamodb_table.this.ttl : ttl.attribute_name => ttl.enabled }
    indexes = {
      for index in aws_dynamodb_table.this.global_secondary_index : index.name => {
        projection_type = index.projection_type
        keys            = { for key in index.key_schema : key.key_type => key.attribute_name }
      }
    }
  }
}
