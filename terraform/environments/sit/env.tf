# What makes SIT different from DEV and PROD. Everything else is shared, file for file.
locals {
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
}
