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
