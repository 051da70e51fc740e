# The stack as one environment plans it, with a mocked AWS provider:
#   terraform test -filter=tests/stack.tftest.hcl -var-file=../environments/<env>.tfvars
# ./build.sh test runs it for dev, sit and prod. Expected values are the product's fixed shape
# written out here, not read back from the configuration under test.

mock_provider "aws" {
  # Computed values are needed at plan time: the IAM policies embed the table and log group ARNs.
  override_during = plan

  mock_resource "aws_dynamodb_table" {
    defaults = { arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/campaigns" }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:111122223333:log-group:campaigns" }
  }

  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      execution_arn = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5"
      api_endpoint  = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    }
  }

  mock_data "aws_region" {
    defaults = { region = "eu-west-1" }
  }

  # The version each function publishes in this apply.
  mock_resource "aws_lambda_function" {
    defaults = { version = "8" }
  }
}

# Each alias gets its own invoke ARN, so that a route wired to another function's alias shows.
override_resource {
  target          = module.functions["list_campaigns"].aws_lambda_alias.this
  override_during = plan
  values          = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:list_campaigns:live/invocations" }
}

override_resource {
  target          = module.functions["get_campaign"].aws_lambda_alias.this
  override_during = plan
  values          = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:get_campaign:live/invocations" }
}

override_resource {
  target          = module.functions["create_campaign"].aws_lambda_alias.this
  override_during = plan
  values          = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:create_campaign:live/invocations" }
}

override_resource {
  target          = module.functions["update_campaign"].aws_lambda_alias.this
  override_during = plan
  values          = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:update_campaign:live/invocations" }
}

override_resource {
  target          = module.functions["delete_campaign"].aws_lambda_alias.this
  override_during = plan
  values          = { invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111122223333:function:delete_campaign:live/invocations" }
}

# What CI passes as TF_VAR_* from the GitHub environment; the rest comes from the tfvars file.
variables {
  account_id    = "111122223333"
  artifacts_dir = "tests/placeholder-zips"
  artifact_sha  = "0123456789abcdef0123456789abcdef01234567"
  jwt_issuer    = "https://login.example.com/"
  jwt_audience  = ["campaigns-api"]
  smoke_caller  = "smoke-client-id"
}

run "environment" {
  command = plan

  assert {
    condition     = var.region == { dev = "eu-west-1", sit = "eu-west-1", prod = "af-south-1" }[var.environment]
    error_message = "Region: DEV and SIT run in eu-west-1, PROD in af-south-1."
  }

  assert {
    condition     = module.table.configuration.deletion_protection == var.deletion_protection && (var.environment == "dev" || module.table.configuration.deletion_protection)
    error_message = "Deletion protection: SIT and PROD tables must have it, and the table must follow var.deletion_protection."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.log_retention_days == { dev = 14, sit = 30, prod = 90 }[var.environment]])
    error_message = "Log retention: 14 days in DEV, 30 in SIT, 90 in PROD."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.application_log_level == { dev = "DEBUG", sit = "INFO", prod = "INFO" }[var.environment]])
    error_message = "Application log level: DEBUG in DEV, INFO in SIT and PROD."
  }

  assert {
    condition     = output.function_names == { for key in keys(jsondecode(file("../../functions/functions.json"))) : key => "campaigns-${var.environment}-${key}" }
    error_message = "Functions: exactly one campaigns-<env>-<key> function per functions.json entry."
  }
}

run "functions" {
  command = plan

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.architectures == tolist(["arm64"])])
    error_message = "Architecture: every function runs on arm64."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.runtime == "provided.al2023" && fn.configuration.handler == "bootstrap"])
    error_message = "Runtime: every function is a bootstrap on provided.al2023."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.memory_size == 256])
    error_message = "Memory: every function has 256 MB."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.timeout >= 1 && fn.configuration.timeout < 30])
    error_message = "Timeout: every function stops before the HTTP API's 30 s integration limit."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.log_format == "JSON" && fn.configuration.system_log_level == "INFO"])
    error_message = "Logs: JSON format with platform records at INFO, which the cold-start queries read."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.publish && fn.alias_name == "live"])
    error_message = "Versions: every apply publishes a version behind the live alias."
  }

  assert {
    condition     = alltrue([for fn in module.functions : fn.configuration.environment["TABLE_NAME"] == module.table.name])
    error_message = "Environment: every function gets the table's name as TABLE_NAME."
  }

  assert {
    condition     = alltrue([for fn in module.functions : lookup(fn.configuration.environment, "SMOKE_CALLER", null) == var.smoke_caller])
    error_message = "Environment: every function gets the smoke check's identity as SMOKE_CALLER, so that only its SMOKE- campaigns expire."
  }

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      lookup(module.functions[key].configuration.environment, "WRITE_SCOPE", null) == (entry.method == "GET" ? null : "campaigns/write")
    ])
    error_message = "Environment: the write functions get the write scope as WRITE_SCOPE (they check it on a direct invoke too); the read functions do not."
  }
}

run "without_smoke_identity" {
  command = plan

  variables { smoke_caller = "" }

  assert {
    condition     = alltrue([for fn in module.functions : !contains(keys(fn.configuration.environment), "SMOKE_CALLER")])
    error_message = "Environment: without a smoke identity no function gets SMOKE_CALLER, so no campaign ever expires."
  }
}

run "permissions" {
  command = plan

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      # Compared as JSON text: a decoded tuple never equals a list, whatever its elements.
      jsonencode([for statement in jsondecode(module.functions[key].permissions_policy).Statement : statement if statement.Sid == "CampaignsTable"]) == jsonencode([{
        Sid      = "CampaignsTable"
        Effect   = "Allow"
        Action   = entry.dynamodb_actions
        Resource = distinct(flatten([for kind in entry.dynamodb_resources : kind == "index" ? ["${module.table.arn}/index/CampaignsByStatusIndex"] : [module.table.arn]]))
      }])
    ])
    error_message = "IAM: each function may do exactly its functions.json DynamoDB actions, on the table or index ARN it names."
  }

  assert {
    condition = alltrue([
      for fn in module.functions : [for statement in jsondecode(fn.permissions_policy).Statement : statement if statement.Sid != "CampaignsTable"] == [{
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["arn:aws:logs:eu-west-1:111122223333:log-group:campaigns:*"]
      }]
    ])
    error_message = "IAM: besides the table, a function may only write to its own log group."
  }

  # The asserts below do not read functions.json: they hold whatever it says.
  assert {
    condition = alltrue([
      for fn in module.functions : fn.permissions_boundary == {
        dev  = "arn:aws:iam::111122223333:policy/campaigns-boundary-dev"
        sit  = "arn:aws:iam::111122223333:policy/campaigns-boundary-sit"
        prod = "arn:aws:iam::111122223333:policy/campaigns-boundary-prod"
      }[var.environment]
    ])
    error_message = "IAM: every function role carries its environment's permissions boundary, campaigns-boundary-<env> from the bootstrap."
  }

  assert {
    condition = alltrue(flatten([
      for fn in module.functions : [
        for statement in jsondecode(fn.permissions_policy).Statement : [
          for action in flatten([statement.Action]) :
          contains(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "logs:CreateLogStream", "logs:PutLogEvents"], action)
        ]
      ]
    ]))
    error_message = "IAM: no function may Scan or use a wildcard action; only item reads and writes, queries and its own log writes."
  }

  assert {
    condition = alltrue(flatten([
      for key, fn in module.functions : [
        for statement in jsondecode(fn.permissions_policy).Statement : [
          for action in flatten([statement.Action]) :
          !contains(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], action)
        ]
      ] if contains(["list_campaigns", "get_campaign"], key)
    ]))
    error_message = "IAM: the functions of the read routes (list_campaigns, get_campaign) may not write the table."
  }

  assert {
    condition = alltrue(flatten([
      for fn in module.functions : [
        for statement in jsondecode(fn.permissions_policy).Statement : [
          for resource in flatten([statement.Resource]) : endswith(resource, "/index/CampaignsByStatusIndex")
        ] if contains(flatten([statement.Action]), "dynamodb:Query")
      ]
    ]))
    error_message = "IAM: a function may Query the index only, never the table."
  }
}

run "http_api" {
  command = plan

  assert {
    condition     = alltrue([for key, entry in jsondecode(file("../../functions/functions.json")) : module.http_api.route_keys[key] == "${entry.method} ${entry.path}"])
    error_message = "Routes: one route per functions.json entry, with its method and path."
  }

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      module.http_api.route_authorization[key] == (entry.method == "GET" ? "NONE" : "JWT") && entry.jwt == (entry.method != "GET")
    ])
    error_message = "Authorization: JWT on every write route and on no read route."
  }

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      # Compared as JSON text: a list never equals a tuple literal.
      jsonencode(module.http_api.route_scopes[key]) == jsonencode(entry.method == "GET" ? [] : ["campaigns/write"])
    ])
    error_message = "Scopes: every JWT route requires exactly the scope campaigns/write, and a public route none."
  }

  assert {
    condition = alltrue([
      for key, integration in module.http_api.integrations :
      integration.integration_type == "AWS_PROXY" && integration.payload_format_version == "2.0" && integration.integration_uri == module.functions[key].alias_invoke_arn
    ])
    error_message = "Integrations: payload format 2.0, proxied to the function's own live alias."
  }

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      module.http_api.permission_source_arns[key] == "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/*/${entry.method}${replace(entry.path, "/\\{[^}]+\\}/", "*")}"
    ])
    error_message = "Invoke permissions: each function may be invoked only by this API, for its own method and path."
  }
}

run "concurrency" {
  command = plan

  assert {
    condition     = alltrue([for key, fn in module.functions : fn.configuration.reserved_concurrency == var.reserved_concurrency[key] && fn.configuration.reserved_concurrency >= 1])
    error_message = "Concurrency: every function reserves its own share from the tfvars, so the public list cannot take the write functions'."
  }

  assert {
    condition     = sum([for fn in module.functions : fn.configuration.reserved_concurrency]) + 100 <= var.account_concurrency_limit
    error_message = "Concurrency: at least 100 of the account's quota stays unreserved."
  }
}

run "route_throttling" {
  command = plan

  assert {
    condition = alltrue([
      for key, entry in jsondecode(file("../../functions/functions.json")) :
      length(module.http_api.route_throttling["${entry.method} ${entry.path}"]) == 1
      && module.http_api.route_throttling["${entry.method} ${entry.path}"][0].burst_limit == var.route_throttling[key].burst_limit
      && module.http_api.route_throttling["${entry.method} ${entry.path}"][0].rate_limit == var.route_throttling[key].rate_limit
    ])
    error_message = "Throttling: every route has its own throttle from the tfvars on the stage."
  }

  assert {
    condition = alltrue([
      for route in flatten(values(module.http_api.route_throttling)) :
      route.burst_limit <= var.account_throttling_burst_limit && route.rate_limit <= var.account_throttling_rate_limit
    ])
    error_message = "Throttling: no route exceeds the account's API Gateway quotas."
  }
}

run "canary" {
  command = plan

  # live was on 7 before this apply and 8 is published; list_campaigns was on 8 already (nothing
  # new published) and create_campaign did not exist yet.
  variables {
    canary_from_versions = { get_campaign = "7", update_campaign = "7", delete_campaign = "7", list_campaigns = "8" }
  }

  assert {
    condition = alltrue([
      for key in ["get_campaign", "update_campaign", "delete_campaign"] :
      # Compared as JSON text: a map of numbers never equals an object literal.
      jsonencode(module.functions[key].alias_routing) == jsonencode(var.environment == "prod"
        ? { function_version = "7", additional_version_weights = { "8" = 0.1 } }
      : { function_version = "8", additional_version_weights = {} })
    ])
    error_message = "Canary: in PROD live stays on its version from before the apply and sends 10 % to the new one; DEV and SIT move live at once."
  }

  assert {
    condition = alltrue([
      for key in ["create_campaign", "list_campaigns"] :
      jsonencode(module.functions[key].alias_routing) == jsonencode({ function_version = "8", additional_version_weights = {} })
    ])
    error_message = "Canary: a function without an earlier version, or without a new one, moves live at once."
  }

  assert {
    condition = jsonencode(output.canary_alarm_names) == jsonencode({
      for key in keys(jsondecode(file("../../functions/functions.json"))) :
      key => ["campaigns-${var.environment}-${key}-v8-5xx", "campaigns-${var.environment}-${key}-v8-errors"]
    })
    error_message = "Canary alarms: the 5xx and errors alarms of the version this apply published (8), by function key."
  }

  assert {
    condition = alltrue([
      for key in keys(jsondecode(file("../../functions/functions.json"))) :
      jsonencode(output.version_alarms[key]["5xx"].dimensions) == jsonencode({ FunctionName = "campaigns-${var.environment}-${key}", Version = "8" })
      && output.version_alarms[key]["5xx"].metric == "Campaigns/Http5xx"
    ])
    error_message = "Canary alarms: the 5xx alarm counts the EMF Campaigns/Http5xx of the function's new version only."
  }

  assert {
    condition = alltrue([
      for key in keys(jsondecode(file("../../functions/functions.json"))) :
      jsonencode(output.version_alarms[key].errors.dimensions) == jsonencode({ ExecutedVersion = "8", FunctionName = "campaigns-${var.environment}-${key}", Resource = "campaigns-${var.environment}-${key}:live" })
      && output.version_alarms[key].errors.metric == "AWS/Lambda/Errors"
    ])
    error_message = "Canary alarms: the errors alarm counts Lambda's Errors of the new version behind live only."
  }

  assert {
    condition = alltrue(flatten([
      for key, alarms in output.version_alarms : [
        for alarm in values(alarms) :
        alarm.period == 60 && alarm.evaluation_periods == 1 && alarm.statistic == "Sum"
      ]
    ]))
    error_message = "Canary alarms: 1-minute periods, one period to fire, summed."
  }

  assert {
    condition = alltrue(flatten([
      for key, alarms in output.version_alarms : [
        for alarm in values(alarms) :
        alarm.threshold == 1 && alarm.comparison == "GreaterThanOrEqualToThreshold" && alarm.missing_data == "notBreaching" && alarm.actions == 0
      ]
    ]))
    error_message = "Canary alarms: one 5xx or failure in a minute fires, no traffic does not, and nobody is paged."
  }
}

run "table" {
  command = plan

  assert {
    condition     = module.table.configuration.billing_mode == "PAY_PER_REQUEST"
    error_message = "Table: on-demand billing."
  }

  assert {
    condition     = module.table.configuration.point_in_time_recovery && module.table.configuration.encrypted
    error_message = "Table: point-in-time recovery and encryption at rest."
  }

  assert {
    condition     = module.table.configuration.hash_key == "PK" && module.table.configuration.range_key == "SK"
    error_message = "Table: keys PK (CAMPAIGN#{code}) and SK (METADATA)."
  }

  assert {
    condition = module.table.configuration.indexes == {
      CampaignsByStatusIndex = { projection_type = "ALL", keys = { HASH = "GSI1_PK", RANGE = "GSI1_SK" } }
    }
    error_message = "Table: one index, CampaignsByStatusIndex, keyed by key_schema GSI1_PK (HASH) and GSI1_SK (RANGE), projecting all attributes."
  }

  assert {
    condition     = module.table.configuration.ttl == { expiresAt = true }
    error_message = "Table: TTL enabled on expiresAt, the attribute only smoke-check campaigns carry."
  }
}

run "rejects_unknown_environment" {
  command = plan
  variables { environment = "qa" }
  expect_failures = [var.environment]
}

run "rejects_unprotected_prod_table" {
  command = plan
  variables {
    environment         = "prod"
    deletion_protection = false
  }
  expect_failures = [var.deletion_protection]
}

run "rejects_malformed_account_id" {
  command = plan
  variables { account_id = "1111-2222-3333" }
  expect_failures = [var.account_id]
}

run "rejects_log_level_that_drops_metrics" {
  command = plan
  variables { application_log_level = "WARN" }
  expect_failures = [var.application_log_level]
}

run "rejects_retention_cloudwatch_refuses" {
  command = plan
  variables { log_retention_days = 15 }
  expect_failures = [var.log_retention_days]
}

run "rejects_branch_name_as_artifact_sha" {
  command = plan
  variables { artifact_sha = "main" }
  expect_failures = [var.artifact_sha]
}

run "rejects_memory_lambda_refuses" {
  command = plan
  variables { memory_size = 64 }
  expect_failures = [var.memory_size]
}

run "rejects_write_scope_list" {
  command = plan
  variables { write_scope = "campaigns/write campaigns/admin" }
  expect_failures = [var.write_scope]
}

run "rejects_empty_write_scope" {
  command = plan
  variables { write_scope = "" }
  expect_failures = [var.write_scope]
}

run "rejects_canary_outside_prod" {
  command = plan
  variables {
    environment         = "sit"
    deletion_protection = true
    canary_weight       = 0.1
  }
  expect_failures = [var.canary_weight]
}

run "rejects_reservations_leaving_under_100_unreserved" {
  command = plan
  variables {
    account_concurrency_limit = 200
    reserved_concurrency      = { list_campaigns = 31, get_campaign = 30, create_campaign = 20, update_campaign = 10, delete_campaign = 10 }
  }
  expect_failures = [var.reserved_concurrency]
}

run "rejects_a_function_without_reservation" {
  command = plan
  variables {
    reserved_concurrency = { list_campaigns = 10, get_campaign = 10, create_campaign = 5, update_campaign = 5 }
  }
  expect_failures = [var.reserved_concurrency]
}

run "rejects_route_above_account_quota" {
  command = plan
  variables {
    account_throttling_burst_limit = 1250
    account_throttling_rate_limit  = 2500
    route_throttling = {
      list_campaigns  = { burst_limit = 100, rate_limit = 3000 }
      get_campaign    = { burst_limit = 100, rate_limit = 50 }
      create_campaign = { burst_limit = 40, rate_limit = 20 }
      update_campaign = { burst_limit = 40, rate_limit = 20 }
      delete_campaign = { burst_limit = 40, rate_limit = 20 }
    }
  }
  expect_failures = [var.route_throttling]
}
