namespace Campaigns.Lambda.Logging;

/// <summary>The two formats Lambda's <c>AWS_LAMBDA_LOG_FORMAT</c> selects between.</summary>
public enum LogFormat
{
    Text,
    Json,
}
