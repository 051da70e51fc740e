# What makes PROD different from DEV and SIT. Everything else is shared, file for file.
locals {
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
}
