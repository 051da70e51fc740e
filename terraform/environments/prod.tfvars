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
