namespace Campaigns.Bench.ListScale;

/// <summary>What paging the list to its end cost with <see cref="Ended"/> ended campaigns beside the live ones.</summary>
internal sealed record ListScalePoint(
    int Ended,
    int PagesToEnd,
    int PagesTimed,
    double P50Ms,
    double P95Ms,
    int MaxCalls,
    double MeanCalls,
    double MeanReadUnits,
    double MaxReadUnits);
