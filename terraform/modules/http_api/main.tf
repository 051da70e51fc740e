# The public HTTP API: one route per entry of functions/functions.json, each proxied (payload
# format 2.0) to the function's `live` alias, JWT-protected where the table says so.

locals {
  # API Gateway matches the permission's source ARN against the request path, so path
  # parameters become wildcards: /v1.0/campaigns/{code} -> /v1.0/campaigns/*.
  source_paths = { for key, route in var.functions : key => replace(route.path, "/\\{[^}]+\\}/", "*") }
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
  description   = "Campaigns API (${var.name})"

  # Browsers only: server-to-server callers ignore CORS. Preflight is answered by API Gateway
  # itself when origins are configured, so no OPTIONS routes are needed.
  dynamic "cors_configuration" {
    for_each = length(var.cors_allow_origins) > 0 ? [1] : []
    content {
      allow_origins  = var.cors_allow_origins
      allow_methods  = sort(distinct([for route in values(var.functions) : route.method]))
      allow_headers  = ["authorization", "content-type", "if-match", "if-none-match"]
      expose_headers = ["etag", "location", "retry-after"]
      max_age        = 3600
    }
  }

  tags = var.tags
}

resource "aws_apigatewayv2_authorizer" "this" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = var.functions

  api_id             = aws_apigatewayv2_api.this.id
  integration_type   = "AWS_PROXY"
  integration_method = "POST"
  integration_uri    = var.targets[each.key].invoke_arn
  # The provider's default is 1.0; the functions parse only the 2.0 event shape.
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "this" {
  for_each = var.functions

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = "${each.value.method} ${each.value.path}"
  target             = "integrations/${aws_apigatewayv2_integration.this[each.key].id}"
  authorization_type = each.value.jwt ? "JWT" : "NONE"
  authorizer_id      = each.value.jwt ? aws_apigatewayv2_authorizer.this.id : null
  # A valid token is not enough: an ID token or a read-only client's token lacks the scope.
  authorization_scopes = each.value.jwt ? [var.write_scope] : null
}

resource "aws_lambda_permission" "this" {
  for_each = var.functions

  statement_id  = "AllowHttpApi"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = var.targets[each.key].function_name
  qualifier     = var.targets[each.key].alias_name
  # Only this API, any stage, this route's method and path.
  source_arn = "${aws_apigatewayv2_api.this.execution_arn}/*/${each.value.method}${local.source_paths[each.key]}"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/apigateway/${var.name}/access"
  retention_in_days = var.access_log_retention_days
  tags              = var.tags
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  # One JSON object per request; integrationRequestId is the Lambda request id, which joins an
  # access log line to the function's own log lines.
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.this.arn
    format = jsonencode({
      requestId            = "$context.requestId"
      requestTime          = "$context.requestTime"
      sourceIp             = "$context.identity.sourceIp"
      userAgent            = "$context.identity.userAgent"
      httpMethod           = "$context.httpMethod"
      path                 = "$context.path"
      routeKey             = "$context.routeKey"
      protocol             = "$context.protocol"
      status               = "$context.status"
      responseLength       = "$context.responseLength"
      responseLatency      = "$context.responseLatency"
      integrationStatus    = "$context.integrationStatus"
      integrationLatency   = "$context.integrationLatency"
      integrationRequestId = "$context.integration.requestId"
      integrationError     = "$context.integrationErrorMessage"
      authorizerError      = "$context.authorizer.error"
    })
  }

  # Stage-wide throttling protects the table and the account's concurrency from a runaway
  # client; callers beyond it get 429 from API Gateway without invoking anything.
  default_route_settings {
    throttling_burst_limit   = var.throttling_burst_limit
    throttling_rate_limit    = var.throttling_rate_limit
    detailed_metrics_enabled = var.detailed_metrics_enabled
  }

  # Each route's own throttle, by functions.json key: a flood of one route (the public list) is
  # refused at its own limit and leaves the stage's requests to the others.
  dynamic "route_settings" {
    for_each = var.route_throttling
    content {
      route_key              = aws_apigatewayv2_route.this[route_settings.key].route_key
      throttling_burst_limit = route_settings.value.burst_limit
      throttling_rate_limit  = route_settings.value.rate_limit
    }
  }

  tags = var.tags
}
