# The modules' own input validations, each module planned on its own with a mocked provider:
#   terraform test -filter=tests/modules.tftest.hcl
# (A run through the stack cannot name a child module's variable in expect_failures.)

mock_provider "aws" {}

# Valid inputs of every module under test (a run passes a module only the variables it declares);
# each run below breaks one of them.
variables {
  name                 = "campaigns-test-get_campaign"
  zip_path             = "tests/placeholder-zips/get_campaign.zip"
  table_name           = "campaigns-test"
  table_arn            = "arn:aws:dynamodb:eu-west-1:111122223333:table/campaigns-test"
  dynamodb_actions     = ["dynamodb:GetItem"]
  permissions_boundary = "arn:aws:iam::111122223333:policy/campaigns-boundary-test"
  dynamodb_resources   = ["table"]
  write_scope          = "campaigns/write"
  jwt_issuer           = "https://login.example.com/"
  jwt_audience         = ["campaigns-api"]
  functions            = {}
  targets              = {}
}

run "function_accepts_valid_inputs" {
  command = plan
  module { source = "../modules/function" }
}

run "function_rejects_timeout_at_integration_limit" {
  command = plan
  module { source = "../modules/function" }
  variables { timeout = 30 }
  expect_failures = [var.timeout]
}

run "function_rejects_wildcard_action" {
  command = plan
  module { source = "../modules/function" }
  variables { dynamodb_actions = ["dynamodb:*"] }
  expect_failures = [var.dynamodb_actions]
}

run "function_rejects_role_without_bootstrap_boundary" {
  command = plan
  module { source = "../modules/function" }
  variables { permissions_boundary = "arn:aws:iam::aws:policy/AdministratorAccess" }
  expect_failures = [var.permissions_boundary]
}

run "function_rejects_unknown_resource_kind" {
  command = plan
  module { source = "../modules/function" }
  variables { dynamodb_resources = ["stream"] }
  expect_failures = [var.dynamodb_resources]
}

run "function_rejects_system_level_that_hides_reports" {
  command = plan
  module { source = "../modules/function" }
  variables { system_log_level = "WARN" }
  expect_failures = [var.system_log_level]
}

run "function_rejects_name_too_long_for_role" {
  command = plan
  module { source = "../modules/function" }
  variables { name = "campaigns-production-environment-with-a-very-long-function-name" }
  expect_failures = [var.name]
}

run "http_api_rejects_public_write_route" {
  command = plan
  module { source = "../modules/http_api" }
  variables {
    functions = { create_campaign = { method = "POST", path = "/v1.0/campaigns", jwt = false } }
    targets   = { create_campaign = { function_name = "f", alias_name = "live", invoke_arn = "arn" } }
  }
  expect_failures = [var.functions]
}

run "http_api_rejects_route_without_target" {
  command = plan
  module { source = "../modules/http_api" }
  variables {
    functions = { get_campaign = { method = "GET", path = "/v1.0/campaigns/{code}", jwt = false } }
    targets   = {}
  }
  expect_failures = [var.targets]
}

run "http_api_rejects_plain_http_issuer" {
  command = plan
  module { source = "../modules/http_api" }
  variables { jwt_issuer = "http://login.example.com/" }
  expect_failures = [var.jwt_issuer]
}

run "http_api_rejects_scope_with_space" {
  command = plan
  module { source = "../modules/http_api" }
  variables { write_scope = "campaigns/write extra" }
  expect_failures = [var.write_scope]
}

run "http_api_rejects_any_origin" {
  command = plan
  module { source = "../modules/http_api" }
  variables { cors_allow_origins = ["*"] }
  expect_failures = [var.cors_allow_origins]
}

run "table_rejects_undeclared_index_key" {
  command = plan
  module { source = "../modules/table" }
  variables {
    name                = "campaigns-test"
    deletion_protection = true
    schema = {
      attributes    = [{ name = "PK", type = "S" }, { name = "SK", type = "S" }]
      hash_key      = "PK"
      range_key     = "SK"
      ttl_attribute = "expiresAt"
      global_secondary_indexes = [{
        name = "CampaignsByStatusIndex", hash_key = "GSI1_PK", range_key = "GSI1_SK", projection_type = "ALL"
      }]
    }
  }
  expect_failures = [var.schema]
}

run "function_rejects_canary_from_an_alias" {
  command = plan
  module { source = "../modules/function" }
  variables {
    canary_from_version = "live"
    canary_weight       = 0.1
  }
  expect_failures = [var.canary_from_version]
}

run "function_rejects_canary_of_all_traffic" {
  command = plan
  module { source = "../modules/function" }
  variables {
    canary_from_version = "7"
    canary_weight       = 1
  }
  expect_failures = [var.canary_weight]
}
