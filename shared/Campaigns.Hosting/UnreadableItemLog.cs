using Campaigns.Domain.Storage;
using Campaigns.Lambda.Logging;

namespace Campaigns.Hosting;

/// <summary>
/// Tells of a stored item that cannot be read: an ERROR line with its key and the attribute at fault
/// (never a value), and one <c>UnreadableItems</c> EMF count to alarm on.
/// </summary>
public sealed class UnreadableItemLog(LambdaLogger logger) : IUnreadableItems
{
    public const string MetricName = "UnreadableItems";

    public void Skipped(UnreadableItemException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        logger.Log(LogLevel.Error, $"Unreadable campaign item {exception.Key}: no valid '{exception.Attribute}' attribute");
        logger.Count(CampaignFunction.MetricNamespace, MetricName);
    }
}
