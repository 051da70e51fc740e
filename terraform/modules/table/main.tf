# The campaigns table. Its keys and indexes come from functions/table.json (passed in as
# var.schema), the same file the DynamoDB Local tests and ./build.sh serve create their table from,
# so the code and the cloud table cannot disagree about key names.

resource "aws_dynamodb_table" "this" {
  name = var.name

  # On-demand: the traffic is spiky and small, and provisioned capacity would throttle the first
  # burst after a quiet night while we pay for it all day.
  billing_mode = "PAY_PER_REQUEST"

  hash_key  = var.schema.hash_key
  range_key = var.schema.range_key

  dynamic "attribute" {
    for_each = var.schema.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  # key_schema blocks rather than the deprecated hash_key/range_key arguments inside the index.
  dynamic "global_secondary_index" {
    for_each = var.schema.global_secondary_indexes
    content {
      name            = global_secondary_index.value.name
      projection_type = global_secondary_index.value.projection_type

      key_schema {
        attribute_name = global_secondary_index.value.hash_key
        key_type       = "HASH"
      }

      key_schema {
        attribute_name = global_secondary_index.value.range_key
        key_type       = "RANGE"
      }
    }
  }

  # Items carrying the TTL attribute (epoch seconds) are deleted by DynamoDB after that time: only
  # the deployment smoke check's own campaigns ever carry it, so they clean themselves up.
  ttl {
    attribute_name = var.schema.ttl_attribute
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  # Encrypted with the AWS managed DynamoDB key unless a customer managed key is given.
  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  # The stream carries before and after images of every change, for auditing consumers; reading
  # it costs nothing until something subscribes.
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  deletion_protection_enabled = var.deletion_protection

  tags = var.tags
}
