using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Fixtures;
using Campaigns.Hosting.Json;

namespace Campaigns.Bench;

/// <summary>
/// Realistic requests per function, as HTTP API payload 2.0 events: reads hit seeded items, creates
/// write new codes, updates rewrite a seeded item, deletes consume a pool of seeded items.
/// </summary>
internal sealed class Workload(string runId)
{
    public const string ReadCode = "BENCH-READ";
    public const string UpdateCode = "BENCH-UPDATE";

    /// <summary>The page size every list request asks for.</summary>
    public const int ListLimit = 50;

    private int _sequence;
    private int _deleted = -1;

    public string DeletePoolCode(int index) => $"BD-{runId}-{index}";

    public byte[] Event(string function)
    {
        int n = Interlocked.Increment(ref _sequence);
        var request = function switch
        {
            "list_campaigns" => Requests.Get(query: new() { ["limit"] = ListLimit.ToString(CultureInfo.InvariantCulture) }),
            "get_campaign" => Requests.Get(ReadCode),
            "create_campaign" => Requests.Post(Body($"BC-{runId}-{n}")),
            "update_campaign" => Requests.Put(UpdateCode, Body(UpdateCode)),
            "delete_campaign" => Requests.Delete(DeletePoolCode(Interlocked.Increment(ref _deleted))),
            _ => throw new ArgumentException("unknown function " + function),
        };
        request.Headers!["authorization"] = "Bearer bench";
        return JsonSerializer.SerializeToUtf8Bytes(request, CampaignsJsonContext.Default.HttpApiRequest);
    }

    /// <summary>
    /// How many delete-pool items a run needs: one per delete invocation, with headroom for the uncounted
    /// ones (the discarded first start, the cold start before the warm invocations).
    /// </summary>
    public static int DeletePoolSize(int coldRuns, int warmRuns, int variants) => (coldRuns + warmRuns + 10) * variants;

    /// <summary>The body of every create and update; the bound and node variants replay the store's request for it.</summary>
    internal static JsonObject Body(string code)
    {
        var body = Samples.Body(code);
        body["toDate"] = "2099-12-31";
        return body;
    }
}
