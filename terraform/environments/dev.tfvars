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
