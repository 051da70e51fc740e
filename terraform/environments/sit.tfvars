# What makes SIT different. The account, issuer and other per-account settings come from the
# GitHub environment as TF_VAR_* (see docs/operations.md).
environment = "sit"
region      = "eu-west-1"

# SIT holds prepared test data that takes effort to rebuild.
deletion_protection = true

memory_size            = 256
application_log_level  = "INFO"
log_retention_days     = 30
throttling_burst_limit = 100
throttling_rate_limit  = 50
create_alarm_topic     = true

# The OAuth scope a token needs to write; the identity provider grants it to writing clients only.
write_scope = "campaigns/write"

# Concurrency and throttles. Each function reserves its own concurrency, so a flood of the public
# list cannot take the write functions' share (nor the account's); at least 100 of the account's
# quota stays unreserved, as Lambda requires. Raise the account's quota first where it is lower.
account_concurrency_limit = 1000
reserved_concurrency = {
  list_campaigns  = 20
  get_campaign    = 20
  create_campaign = 10
  update_campaign = 10
  delete_campaign = 5
}
# API Gateway's account-level quotas in this region bound every route's throttle.
account_throttling_burst_limit = 5000
account_throttling_rate_limit  = 10000
route_throttling = {
  list_campaigns  = { burst_limit = 40, rate_limit = 20 }
  get_campaign    = { burst_limit = 40, rate_limit = 20 }
  create_campaign = { burst_limit = 20, rate_limit = 10 }
  update_campaign = { burst_limit = 20, rate_limit = 10 }
  delete_campaign = { burst_limit = 20, rate_limit = 10 }
}
