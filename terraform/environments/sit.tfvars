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
