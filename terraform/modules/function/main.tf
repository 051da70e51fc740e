# One Campaigns function: a Native AOT `bootstrap` executable on provided.al2023 (arm64), its own
# log group, a published version behind the `live` alias, and a role that can do exactly what
# functions/functions.json says this function needs.

locals {
  # Query needs the index ARN, item actions need the table ARN; functions.json says which.
  dynamodb_resource_arns = distinct(flatten([
    for kind in var.dynamodb_resources : kind == "index" ? var.index_arns : [var.table_arn]
  ]))
}

# Created here rather than by Lambda on first write so that retention is set and Terraform can
# delete it with the function.
resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_iam_role" "this" {
  name = "${var.name}-role"
  # The bootstrap's boundary for this environment: whatever the role policy below says, the role
  # can do no more than the boundary allows, and the deploy role may write no role without it.
  permissions_boundary = var.permissions_boundary
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
  tags = var.tags
}

# Written as an expression rather than an aws_iam_policy_document data source, so that the plan
# shows the policy itself and the tests can read it.
resource "aws_iam_role_policy" "this" {
  name = "${var.name}-permissions"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Only this function's own log group; no CreateLogGroup because the group exists already.
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.this.arn}:*"]
      },
      {
        Sid      = "CampaignsTable"
        Effect   = "Allow"
        Action   = var.dynamodb_actions
        Resource = local.dynamodb_resource_arns
      },
    ]
  })
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  description   = var.description
  role          = aws_iam_role.this.arn

  architectures = ["arm64"]
  runtime       = "provided.al2023"
  # A custom runtime receives this as _HANDLER; our executable ignores it, but it must be set.
  handler = "bootstrap"

  filename         = var.zip_path
  source_code_hash = filebase64sha256(var.zip_path)

  memory_size = var.memory_size
  # Well below the HTTP API's 30 s integration limit. A function that hits its own timeout is
  # stopped and reported as a timeout in its logs and metrics; one still running when API Gateway
  # gives up shows only as an opaque gateway error while it keeps running, and billing, behind it.
  # No handler here legitimately needs more than a few hundred milliseconds.
  timeout = var.timeout

  reserved_concurrent_executions = var.reserved_concurrency

  # Every deploy publishes an immutable version; the `live` alias below is what the API calls, so
  # a rollback is one alias update (terraform/scripts/rollback.sh).
  publish = true

  environment {
    variables = merge(var.environment, { TABLE_NAME = var.table_name })
  }

  # JSON logs: Lambda writes platform.report records that the cold-start queries read, and
  # filters application lines by their `level` key.
  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.this.name
    application_log_level = var.application_log_level
    system_log_level      = var.system_log_level
  }

  tags = var.tags

  # The first cold start must be able to log and reach the table.
  depends_on = [aws_iam_role_policy.this, aws_cloudwatch_log_group.this]
}

# A canary keeps live on the version it had before this apply and sends canary_weight of its
# traffic to the new one, so that the new version never serves all of it before its alarms were
# watched; terraform/scripts/canary.sh then moves live on or back. There is nothing to compare on
# a first deploy (no earlier version) or when this apply published nothing new: live moves at once.
locals {
  canary = var.canary_from_version != null && var.canary_weight > 0 && var.canary_from_version != aws_lambda_function.this.version
}

resource "aws_lambda_alias" "this" {
  name             = "live"
  description      = "What the HTTP API invokes. Moved back by rollback.sh, forward by terraform apply (in a canary by canary.sh)."
  function_name    = aws_lambda_function.this.function_name
  function_version = local.canary ? var.canary_from_version : aws_lambda_function.this.version

  dynamic "routing_config" {
    for_each = local.canary ? [var.canary_weight] : []
    content {
      additional_version_weights = { (aws_lambda_function.this.version) = routing_config.value }
    }
  }
}
