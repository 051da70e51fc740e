# One-time set-up of an AWS account for Campaigns, applied by an administrator: the bucket that
# holds the stack's state, GitHub's OIDC provider, and one deploy role per environment that only
# that environment's GitHub workflows can assume and that can change only that environment.

locals {
  state_bucket = coalesce(var.state_bucket_name, "campaigns-tfstate-${var.account_id}-${var.region}")
  oidc_host    = "token.actions.githubusercontent.com"
  oidc_arn     = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.github_oidc_provider_arn

  # Only a job of main's apply.yml in a run of main may assume a deploy role: the environments'
  # branch rule, but held by AWS itself rather than by repository settings alone.
  deploy_ref      = "refs/heads/main"
  deploy_workflow = "${var.github_repository}/.github/workflows/apply.yml@${local.deploy_ref}"

  # The stack derives the same ARN from its account and environment (terraform/stack/main.tf).
  boundary_arn = { for environment in var.environments : environment => "${local.arn.policy}/campaigns-boundary-${environment}" }

  # What the deploy role may do to a role only when that role carries (or will carry) the boundary;
  # these are the IAM role writes that accept the iam:PermissionsBoundary key.
  boundary_bound_role_writes = [
    "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy",
    "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
  ]

  # The only tag keys the stack puts on roles (the provider's default_tags); no other key can be
  # written, so no tag-based (ABAC) grant elsewhere in the account can be reached by tagging.
  role_tag_keys = ["Project", "Environment", "ManagedBy"]

  # ARN prefixes of what the stack of one environment creates: everything is named campaigns-<env>….
  arn = {
    policy    = "arn:aws:iam::${var.account_id}:policy"
    lambda    = "arn:aws:lambda:${var.region}:${var.account_id}"
    logs      = "arn:aws:logs:${var.region}:${var.account_id}"
    dynamodb  = "arn:aws:dynamodb:${var.region}:${var.account_id}"
    sns       = "arn:aws:sns:${var.region}:${var.account_id}"
    alarm     = "arn:aws:cloudwatch:${var.region}:${var.account_id}:alarm"
    dashboard = "arn:aws:cloudwatch::${var.account_id}:dashboard"
    role      = "arn:aws:iam::${var.account_id}:role"
    api       = "arn:aws:apigateway:${var.region}::"
  }
}

resource "aws_s3_bucket" "state" {
  bucket = local.state_bucket

  # Every environment's state lives here; losing it means importing every resource by hand.
  lifecycle {
    prevent_destroy = true
  }
}

# Versioning keeps every earlier state, so a bad apply's state can be restored.
resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket = aws_s3_bucket.state.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# No ACLs at all: access is decided by IAM and the bucket policy alone.
resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# State holds secrets in plain text (e.g. environment variables): never over plain HTTP.
resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })

  # The public access block must exist first, or a policy could briefly make the bucket public.
  depends_on = [aws_s3_bucket_public_access_block.state]
}

# AWS no longer checks thumbprints for GitHub's OIDC endpoint, so none is pinned here.
resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

# The most any role of one environment's stack may do, whatever its own policies say: its
# functions read and write that environment's table and its indexes, and write their own logs.
# Not named campaigns-<env>-…: the deploy role may write roles under that prefix, and may not
# change this policy (the deploy role's policy denies it).
resource "aws_iam_policy" "boundary" {
  for_each = var.environments

  name        = "campaigns-boundary-${each.key}"
  description = "Permissions boundary of every role of the Campaigns ${each.key} stack: its table, its indexes and its function log groups."
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Item reads and writes only: no Scan, no table administration, no other table.
        Sid      = "TableItems"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"]
        Resource = ["${local.arn.dynamodb}:table/campaigns-${each.key}"]
      },
      {
        Sid      = "IndexQueries"
        Effect   = "Allow"
        Action   = ["dynamodb:Query"]
        Resource = ["${local.arn.dynamodb}:table/campaigns-${each.key}/index/*"]
      },
      {
        Sid      = "FunctionLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${local.arn.logs}:log-group:/aws/lambda/campaigns-${each.key}-*:*"]
      },
    ]
  })
}

resource "aws_iam_role" "deploy" {
  for_each = var.environments

  # Not campaigns-<env>-…: the stack's role permissions below cover that prefix, and the deploy
  # role must not be able to rewrite its own policy.
  name                 = "campaigns-deploy-${each.key}"
  description          = "Deploys the Campaigns ${each.key} stack from GitHub Actions (environment ${each.key} of ${var.github_repository})."
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.oidc_arn }
      Condition = {
        StringEquals = {
          "${local.oidc_host}:aud" = "sts.amazonaws.com"
          # Only jobs bound to this GitHub environment, whose protection rules (reviewers, branches)
          # decide who may deploy.
          "${local.oidc_host}:sub" = "repo:${var.github_repository}:environment:${each.key}"
          # STS checks these GitHub claims itself: the same repository and environment, a run of
          # main (not a branch, tag or pull request, even one calling main's apply.yml), and the
          # job being main's apply.yml.
          "${local.oidc_host}:repository"       = var.github_repository
          "${local.oidc_host}:environment"      = each.key
          "${local.oidc_host}:ref"              = local.deploy_ref
          "${local.oidc_host}:job_workflow_ref" = local.deploy_workflow
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  for_each = var.environments

  name = "campaigns-deploy-${each.key}"
  role = aws_iam_role.deploy[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "StateList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [aws_s3_bucket.state.arn]
        Condition = {
          StringLike = { "s3:prefix" = ["campaigns/${each.key}/*"] }
        }
      },
      {
        # The state object and its lock file (use_lockfile writes <key>.tflock).
        Sid    = "StateReadWrite"
        Effect = "Allow"
        Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = [
          "${aws_s3_bucket.state.arn}/campaigns/${each.key}/terraform.tfstate",
          "${aws_s3_bucket.state.arn}/campaigns/${each.key}/terraform.tfstate.tflock",
        ]
      },
      {
        Sid    = "Functions"
        Effect = "Allow"
        Action = [
          "lambda:Get*", "lambda:List*",
          "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
          "lambda:PublishVersion", "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency",
          "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias",
          "lambda:AddPermission", "lambda:RemovePermission",
          "lambda:TagResource", "lambda:UntagResource",
          # rollback.sh and coldstart.sh run with this role too.
          "lambda:InvokeFunction",
        ]
        Resource = ["${local.arn.lambda}:function:campaigns-${each.key}-*"]
      },
      {
        Sid    = "FunctionRolesRead"
        Effect = "Allow"
        Action = [
          "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
        ]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*"]
      },
      {
        # Every write that can change what a role may do requires the role to carry this
        # environment's boundary, so no role it writes can do more than the boundary allows.
        Sid      = "FunctionRolesWriteWithBoundary"
        Effect   = "Allow"
        Action   = ["iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:PutRolePermissionsBoundary"]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*"]
        Condition = {
          StringEquals = { "iam:PermissionsBoundary" = local.boundary_arn[each.key] }
          # CreateRole carries the role's tags too.
          "ForAllValues:StringEquals" = { "aws:TagKeys" = local.role_tag_keys }
        }
      },
      {
        # Deleting a role, or changing its description or session length, grants nothing.
        Sid      = "FunctionRolesLifecycle"
        Effect   = "Allow"
        Action   = ["iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription"]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*"]
      },
      {
        Sid       = "FunctionRolesTags"
        Effect    = "Allow"
        Action    = ["iam:TagRole", "iam:UntagRole"]
        Resource  = ["${local.arn.role}/campaigns-${each.key}-*"]
        Condition = { "ForAllValues:StringEquals" = { "aws:TagKeys" = local.role_tag_keys } }
      },
      {
        # The same rule as an explicit deny, so that no other grant (a managed policy attached to
        # this role later, say) can open it: no role write without exactly this boundary.
        Sid       = "DenyRoleWritesWithoutBoundary"
        Effect    = "Deny"
        Action    = local.boundary_bound_role_writes
        Resource  = ["*"]
        Condition = { StringNotEquals = { "iam:PermissionsBoundary" = local.boundary_arn[each.key] } }
      },
      {
        # A boundary, once on a role, stays. No managed policy can be changed, the boundaries
        # above all: they are the bootstrap's alone.
        Sid    = "DenyBoundaryChanges"
        Effect = "Deny"
        Action = [
          "iam:DeleteRolePermissionsBoundary",
          "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion",
          "iam:TagPolicy", "iam:UntagPolicy",
        ]
        Resource = ["*"]
      },
      {
        # The deploy roles are the bootstrap's alone too (they are outside campaigns-<env>-…
        # already; this holds even if a wider grant is ever added).
        Sid    = "DenyDeployRoleChanges"
        Effect = "Deny"
        Action = [
          "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
          "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
          "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary", "iam:TagRole", "iam:UntagRole",
        ]
        Resource = ["${local.arn.role}/campaigns-deploy-*"]
      },
      {
        # Only the function modules' execution roles (campaigns-<env>-<function>-role), all made
        # with the boundary, and only to Lambda.
        Sid      = "PassFunctionRoles"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*-role"]
        Condition = {
          StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" }
        }
      },
      {
        Sid    = "Table"
        Effect = "Allow"
        Action = [
          "dynamodb:Describe*", "dynamodb:ListTagsOfResource",
          "dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable",
          "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive",
          "dynamodb:TagResource", "dynamodb:UntagResource",
        ]
        Resource = ["${local.arn.dynamodb}:table/campaigns-${each.key}", "${local.arn.dynamodb}:table/campaigns-${each.key}/*"]
      },
      {
        Sid    = "LogGroups"
        Effect = "Allow"
        Action = [
          "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
          "logs:TagResource", "logs:UntagResource", "logs:ListTagsForResource", "logs:TagLogGroup", "logs:ListTagsLogGroup",
        ]
        Resource = [
          "${local.arn.logs}:log-group:/aws/lambda/campaigns-${each.key}-*",
          "${local.arn.logs}:log-group:/aws/apigateway/campaigns-${each.key}/*",
        ]
      },
      {
        # These take no narrower resource: listing log groups, saved queries (which have no ARN),
        # and running the cold-start queries.
        Sid    = "LogsAccountWide"
        Effect = "Allow"
        Action = [
          "logs:DescribeLogGroups", "logs:DescribeQueryDefinitions", "logs:PutQueryDefinition", "logs:DeleteQueryDefinition",
          "logs:StartQuery", "logs:GetQueryResults", "logs:StopQuery",
        ]
        Resource = ["*"]
      },
      {
        # What API Gateway's access logging needs from the caller that turns it on; these
        # actions take no resource.
        Sid    = "HttpApiAccessLogging"
        Effect = "Allow"
        Action = [
          "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
          "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
        ]
        Resource = ["*"]
      },
      {
        # HTTP API ids are generated, so APIs cannot be scoped by name; only HTTP APIs and their tags.
        Sid      = "HttpApi"
        Effect   = "Allow"
        Action   = ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"]
        Resource = ["${local.arn.api}/apis", "${local.arn.api}/apis/*", "${local.arn.api}/tags/*"]
      },
      {
        Sid    = "Alarms"
        Effect = "Allow"
        Action = [
          "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms",
          "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource",
        ]
        Resource = ["${local.arn.alarm}:campaigns-${each.key}-*"]
      },
      {
        Sid      = "Dashboard"
        Effect   = "Allow"
        Action   = ["cloudwatch:GetDashboard", "cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards"]
        Resource = ["${local.arn.dashboard}/campaigns-${each.key}"]
      },
      {
        Sid    = "AlarmTopic"
        Effect = "Allow"
        Action = [
          "sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:ListSubscriptionsByTopic",
          "sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes",
          "sns:TagResource", "sns:UntagResource", "sns:ListTagsForResource",
        ]
        Resource = ["${local.arn.sns}:campaigns-${each.key}-alarms", "${local.arn.sns}:campaigns-${each.key}-alarms:*"]
      },
    ]
  })
}
