# The account bootstrap, planned with a mocked AWS provider:  terraform test
# Expected values are written out here, not read back from the configuration under test.

mock_provider "aws" {
  override_during = plan

  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::campaigns-tfstate-111122223333-eu-west-1", id = "campaigns-tfstate-111122223333-eu-west-1" }
  }

  mock_resource "aws_iam_openid_connect_provider" {
    defaults = { arn = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
  }

  mock_resource "aws_iam_role" {
    defaults = { id = "campaigns-deploy-dev" }
  }

  mock_resource "aws_iam_policy" {
    defaults = { arn = "arn:aws:iam::111122223333:policy/campaigns-boundary-dev" }
  }
}

variables {
  account_id        = "111122223333"
  region            = "eu-west-1"
  environments      = ["dev"]
  github_repository = "example-org/campaigns"
}

run "state_bucket" {
  command = plan

  assert {
    condition     = aws_s3_bucket.state.bucket == "campaigns-tfstate-111122223333-eu-west-1"
    error_message = "State bucket: named after the account and region."
  }

  assert {
    condition     = aws_s3_bucket_versioning.state.versioning_configuration[0].status == "Enabled"
    error_message = "State bucket: versioned, so an earlier state can be restored."
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    error_message = "State bucket: encrypted at rest."
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.state.block_public_acls,
      aws_s3_bucket_public_access_block.state.block_public_policy,
      aws_s3_bucket_public_access_block.state.ignore_public_acls,
      aws_s3_bucket_public_access_block.state.restrict_public_buckets,
    ])
    error_message = "State bucket: every public access block setting on."
  }

  assert {
    condition = jsondecode(aws_s3_bucket_policy.state.policy).Statement == [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::campaigns-tfstate-111122223333-eu-west-1", "arn:aws:s3:::campaigns-tfstate-111122223333-eu-west-1/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
    error_message = "State bucket: the policy refuses every request without TLS."
  }
}

run "github_oidc" {
  command = plan

  assert {
    condition     = aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "OIDC: GitHub's token issuer, for STS."
  }

  assert {
    condition = jsondecode(aws_iam_role.deploy["dev"].assume_role_policy).Statement == [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud"              = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub"              = "repo:example-org/campaigns:environment:dev"
          "token.actions.githubusercontent.com:repository"       = "example-org/campaigns"
          "token.actions.githubusercontent.com:environment"      = "dev"
          "token.actions.githubusercontent.com:ref"              = "refs/heads/main"
          "token.actions.githubusercontent.com:job_workflow_ref" = "example-org/campaigns/.github/workflows/apply.yml@refs/heads/main"
        }
      }
    }]
    error_message = "Deploy role: trusted only by this repository's jobs in the dev GitHub environment, running main's apply.yml in a run of main."
  }
}

run "deploy_role_policy" {
  command = plan

  assert {
    condition     = !strcontains(aws_iam_role.deploy["dev"].name, "campaigns-dev-")
    error_message = "Deploy role: outside the campaigns-dev-* prefix it may manage, so it cannot rewrite its own policy."
  }

  assert {
    condition = alltrue(flatten([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : [
        for action in statement.Action : action != "*" && !endswith(action, ":*")
      ]
    ]))
    error_message = "Deploy role: no wildcard action (no *:*, no service:*)."
  }

  assert {
    condition = alltrue(flatten([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : [
        for resource in statement.Resource :
        resource != "*" || statement.Effect == "Deny" || contains(["LogsAccountWide", "HttpApiAccessLogging"], statement.Sid)
      ]
    ]))
    error_message = "Deploy role: only actions that take no narrower resource may use Resource \"*\"."
  }

  assert {
    condition = alltrue(flatten([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : [
        for resource in statement.Resource :
        resource == "*" || strcontains(resource, "campaigns-dev") || strcontains(resource, "campaigns-tfstate") || startswith(resource, "arn:aws:apigateway:eu-west-1::/")
      ] if statement.Effect == "Allow"
    ]))
    error_message = "Deploy role: every scoped resource is named campaigns-dev… (or is the state bucket, or an HTTP API)."
  }

  assert {
    condition = contains([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement.Resource
      if contains(statement.Action, "s3:PutObject") && contains(statement.Action, "s3:DeleteObject")
      ], [
      "arn:aws:s3:::campaigns-tfstate-111122223333-eu-west-1/campaigns/dev/terraform.tfstate",
      "arn:aws:s3:::campaigns-tfstate-111122223333-eu-west-1/campaigns/dev/terraform.tfstate.tflock",
    ])
    error_message = "Deploy role: may write and delete its own state and its lock file, and nothing else in the bucket."
  }

  assert {
    condition = length([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement
      if statement.Sid == "HttpApiAccessLogging" && contains(statement.Action, "logs:CreateLogDelivery") && contains(statement.Action, "logs:PutResourcePolicy")
    ]) == 1
    error_message = "Deploy role: may set up the HTTP API's access logging."
  }

  assert {
    condition = [
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement.Condition
      if contains(statement.Action, "iam:PassRole")
    ] == [{ StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }]
    error_message = "Deploy role: may pass the function roles to Lambda only."
  }

  assert {
    condition = [
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement.Resource
      if contains(statement.Action, "iam:PassRole")
    ] == [["arn:aws:iam::111122223333:role/campaigns-dev-*-role"]]
    error_message = "Deploy role: may pass only the function execution roles (campaigns-dev-*-role)."
  }
}

run "permissions_boundary" {
  command = plan

  assert {
    condition     = aws_iam_policy.boundary["dev"].name == "campaigns-boundary-dev" && !startswith(aws_iam_policy.boundary["dev"].name, "campaigns-dev-")
    error_message = "Boundary: campaigns-boundary-dev, outside the campaigns-dev-* prefix whose roles the deploy role may write."
  }

  assert {
    condition = jsondecode(aws_iam_policy.boundary["dev"].policy).Statement == [
      {
        Sid      = "TableItems"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"]
        Resource = ["arn:aws:dynamodb:eu-west-1:111122223333:table/campaigns-dev"]
      },
      {
        Sid      = "IndexQueries"
        Effect   = "Allow"
        Action   = ["dynamodb:Query"]
        Resource = ["arn:aws:dynamodb:eu-west-1:111122223333:table/campaigns-dev/index/*"]
      },
      {
        Sid      = "FunctionLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/campaigns-dev-*:*"]
      },
    ]
    error_message = "Boundary: item reads and writes on the environment's table, queries on its indexes, and its function log groups; no Scan, nothing else."
  }

  assert {
    condition = alltrue([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement :
      try(statement.Condition.StringEquals["iam:PermissionsBoundary"], null) == "arn:aws:iam::111122223333:policy/campaigns-boundary-dev"
      if statement.Effect == "Allow" && length(setintersection(toset(statement.Action), toset([
        "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy",
        "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
      ]))) > 0
    ])
    error_message = "Deploy role: every role write it may do that can change a role's rights requires exactly the campaigns-boundary-dev boundary."
  }

  assert {
    condition = length([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement
      if statement.Effect == "Deny" && statement.Resource == ["*"] && try(statement.Condition.StringNotEquals["iam:PermissionsBoundary"], null) == "arn:aws:iam::111122223333:policy/campaigns-boundary-dev"
      && length(setsubtract(toset(["iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"]), toset(statement.Action))) == 0
    ]) == 1
    error_message = "Deploy role: explicitly denied every role write without exactly the campaigns-boundary-dev boundary."
  }

  assert {
    condition = length([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement : statement
      if statement.Effect == "Deny" && statement.Resource == ["*"] && try(statement.Condition, null) == null
      && length(setsubtract(toset(["iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion"]), toset(statement.Action))) == 0
    ]) == 1
    error_message = "Deploy role: explicitly denied removing a boundary and changing any managed policy, the boundary included."
  }

  assert {
    condition = alltrue([
      for statement in jsondecode(aws_iam_role_policy.deploy["dev"].policy).Statement :
      try(statement.Condition["ForAllValues:StringEquals"]["aws:TagKeys"], null) == ["Project", "Environment", "ManagedBy"]
      if statement.Effect == "Allow" && length(setintersection(toset(statement.Action), toset(["iam:CreateRole", "iam:TagRole", "iam:UntagRole"]))) > 0
    ])
    error_message = "Deploy role: may put on roles only the stack's own tag keys (Project, Environment, ManagedBy)."
  }
}

run "one_role_per_environment" {
  command = plan
  variables { environments = ["sit", "prod"] }

  assert {
    condition     = toset(keys(aws_iam_role.deploy)) == toset(["sit", "prod"]) && output.github_environment_variables["prod"].TF_STATE_BUCKET == "campaigns-tfstate-111122223333-eu-west-1"
    error_message = "Deploy roles: one per environment of the account, each printed with the GitHub variables to set."
  }
}

run "rejects_unknown_environment" {
  command = plan
  variables { environments = ["qa"] }
  expect_failures = [var.environments]
}

run "rejects_repository_without_owner" {
  command = plan
  variables { github_repository = "campaigns" }
  expect_failures = [var.github_repository]
}

run "rejects_missing_oidc_provider" {
  command = plan
  variables {
    create_github_oidc_provider = false
  }
  expect_failures = [var.github_oidc_provider_arn]
}
