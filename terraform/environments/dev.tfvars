# What makes DEV different. The account, issuer and other per-account settings come from the
# GitHub environment as TF_VAR_* (see docs/operations.md).
environment = "dev"
region      = "eu-west-1"

# DEV may be torn down and rebuilt; its data is test data.
deletion_protection = false

memory_size            = 256
application_log_level  = "DEBUG"
log_retention_days     = 14
throttling_burst_limit = 50
throttling_rate_limit  = 20
create_alarm_topic     = false

# The OAuth scope a token needs to write; the identity provider grants it to writing clients only.
write_scope = "campaigns/write"

# Concurrency and throttles. Each function reserves its own concurrency, so a flood of the public
# list cannot take the write functions' share (nor the account's); at least 100 of the account's
# quota stays unreserved, as Lambda requires. Raise the account's quota first where it is lower.
account_concurrency_limit = 1000
reserved_concurrency = {
  list_campaigns  = 10
  get_campaign    = 10
  create_campaign = 5
  update_campaign = 5
  delete_campaign = 5
}
# API Gateway's account-level quotas in this region bound every route's throttle.
account_throttling_burst_limit = 5000
account_throttling_rate_limit  = 10000
route_throttling = {
  list_campaigns  = { burst_limit = 20, rate_limit = 10 }
  get_campaign    = { burst_limit = 20, rate_limit = 10 }
  create_campaign = { burst_limit = 10, rate_limit = 5 }
  update_campaign = { burst_limit = 10, rate_limit = 5 }
  delete_campaign = { burst_limit = 10, rate_limit = 5 }
}
