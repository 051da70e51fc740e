# What makes DEV different from SIT and PROD. Everything else is shared, file for file.
locals {
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
}
