using System.Globalization;
using Campaigns.Bench.Bound;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Bench.Tests.Recording;

/// <summary>What changes from one bench invocation to the next, and its text as the store writes it.</summary>
internal sealed record InvocationValues(string Table, string Code, DateTime Now, string Caller, Guid Id)
{
    public string TextOf(Placeholder placeholder) => placeholder switch
    {
        Placeholder.Table => Table,
        Placeholder.Code => Code,
        Placeholder.Now => Now.ToString(CampaignItemMapper.TimestampFormat, CultureInfo.InvariantCulture),
        Placeholder.Today => DateText.ToText(DateOnly.FromDateTime(Now)),
        Placeholder.Id => Id.ToString(),
        Placeholder.Caller => Caller,
        _ => throw new ArgumentOutOfRangeException(nameof(placeholder), placeholder, null),
    };
}
