# What makes PROD different. The account, issuer and other per-account settings come from the
# GitHub environment as TF_VAR_* (see docs/operations.md).
environment = "prod"
# Cape Town is an opt-in region: enable it in the PROD account before the first apply.
region = "af-south-1"

deletion_protection = true

memory_size            = 256
application_log_level  = "INFO"
log_retention_days     = 90
throttling_burst_limit = 200
throttling_rate_limit  = 100
create_alarm_topic     = true
# Each deploy first sends this share of every function's traffic to the new version while its
# alarms are watched (terraform/scripts/canary.sh), then all of it.
canary_weight = 0.1

# The OAuth scope a token needs to write; the identity provider grants it to writing clients only.
write_scope = "campaigns/write"

# Concurrency and throttles. Each function reserves its own concurrency, so a flood of the public
# list cannot take the write functions' share (nor the account's); at least 100 of the account's
# quota stays unreserved, as Lambda requires. Raise the account's quota first where it is lower.
account_concurrency_limit = 1000
reserved_concurrency = {
  list_campaigns  = 50
  get_campaign    = 50
  create_campaign = 20
  update_campaign = 20
  delete_campaign = 10
}
# API Gateway's account-level quotas in this region bound every route's throttle.
account_throttling_burst_limit = 1250
account_throttling_rate_limit  = 2500
route_throttling = {
  list_campaigns  = { burst_limit = 100, rate_limit = 50 }
  get_campaign    = { burst_limit = 100, rate_limit = 50 }
  create_campaign = { burst_limit = 40, rate_limit = 20 }
  update_campaign = { burst_limit = 40, rate_limit = 20 }
  delete_campaign = { burst_limit = 40, rate_limit = 20 }
}
