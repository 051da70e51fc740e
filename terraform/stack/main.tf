# The Campaigns stack: the one root configuration of every environment. What differs between
# DEV, SIT and PROD is in terraform/environments/<env>.tfvars and <env>.backend.hcl.

locals {
  # The single source of truth for functions, routes and permissions, and for the table's keys.
  # Adding a function is adding an entry to functions.json (and building its zip).
  functions    = jsondecode(file("${path.module}/../../functions/functions.json"))
  table_schema = jsondecode(file("${path.module}/../../functions/table.json"))
  name_prefix  = "campaigns-${var.environment}"

  # The permissions boundary terraform/bootstrap made for this environment, named the same way
  # there: every role of the stack carries it, or the deploy role may not create the role.
  permissions_boundary = "arn:aws:iam::${var.account_id}:policy/campaigns-boundary-${var.environment}"
}

module "table" {
  source = "../modules/table"

  name                = local.name_prefix
  schema              = local.table_schema
  deletion_protection = var.deletion_protection
}

locals {
  # Every function: the smoke check's identity, whose SMOKE- campaigns expire.
  smoke_environment = var.smoke_caller == "" ? {} : { SMOKE_CALLER = var.smoke_caller }
  # The write functions check the scope themselves too: a direct invoke bypasses the authorizer.
  write_environment = { WRITE_SCOPE = var.write_scope }
}

module "functions" {
  source   = "../modules/function"
  for_each = local.functions

  name                  = "${local.name_prefix}-${each.key}"
  description           = "Campaigns ${each.key} at ${var.artifact_sha}"
  zip_path              = "${var.artifacts_dir}/${each.key}.zip"
  table_name            = module.table.name
  table_arn             = module.table.arn
  index_arns            = values(module.table.index_arns)
  permissions_boundary  = local.permissions_boundary
  dynamodb_actions      = each.value.dynamodb_actions
  dynamodb_resources    = each.value.dynamodb_resources
  memory_size           = var.memory_size
  reserved_concurrency  = var.reserved_concurrency[each.key]
  log_retention_days    = var.log_retention_days
  application_log_level = var.application_log_level
  environment           = merge(local.smoke_environment, each.value.jwt ? local.write_environment : {})
  canary_from_version   = lookup(var.canary_from_versions, each.key, null)
  canary_weight         = var.canary_weight
}

module "http_api" {
  source = "../modules/http_api"

  name      = local.name_prefix
  functions = local.functions
  targets = {
    for key, fn in module.functions : key => {
      function_name = fn.function_name
      alias_name    = fn.alias_name
      invoke_arn    = fn.alias_invoke_arn
    }
  }
  jwt_issuer                = var.jwt_issuer
  jwt_audience              = var.jwt_audience
  write_scope               = var.write_scope
  cors_allow_origins        = var.cors_allow_origins
  throttling_burst_limit    = var.throttling_burst_limit
  throttling_rate_limit     = var.throttling_rate_limit
  route_throttling          = var.route_throttling
  access_log_retention_days = var.log_retention_days
}

module "observability" {
  source = "../modules/observability"

  name = local.name_prefix
  functions = {
    for key, fn in module.functions : key => {
      function_name  = fn.function_name
      log_group_name = fn.log_group_name
    }
  }
  canary_versions    = { for key, fn in module.functions : key => fn.version }
  alias_name         = one(distinct(values(module.functions)[*].alias_name))
  api_id             = module.http_api.api_id
  queries_dir        = "${path.module}/../queries"
  create_alarm_topic = var.create_alarm_topic
  alarm_topic_arn    = var.alarm_topic_arn
  alarm_emails       = var.alarm_emails
}
