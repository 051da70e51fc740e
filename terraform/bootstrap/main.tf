# One-time set-up of an AWS account for Campaigns, applied by an administrator: the bucket that
# holds the stack's state, GitHub's OIDC provider, and one deploy role per environment that only
# that environment's GitHub workflows can assume and that can change only that environment.

locals {
  state_bucket = coalesce(var.state_bucket_name, "campaigns-tfstate-${var.account_id}-${var.region}")
  oidc_host    = "token.actions.githubusercontent.com"
  oidc_arn     = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.github_oidc_provider_arn

  # ARN prefixes of what the stack of one environment creates: everything is named campaigns-<env>….
  arn = {
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
        Sid    = "FunctionRoles"
        Effect = "Allow"
        Action = [
          "iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole",
          "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole",
          "iam:PutRolePolicy", "iam:DeleteRolePolicy",
        ]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*"]
      },
      {
        Sid      = "PassFunctionRoles"
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = ["${local.arn.role}/campaigns-${each.key}-*"]
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
