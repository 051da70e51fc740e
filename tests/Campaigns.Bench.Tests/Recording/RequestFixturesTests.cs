using System.Text.Json.Nodes;
using Campaigns.Bench.Bound;
using Campaigns.Testing;

namespace Campaigns.Bench.Tests.Recording;

/// <summary>
/// The bound and node variants replay tools/Campaigns.Bench.Bound/requests/&lt;function&gt;.json: these tests hold those
/// files to what the store sends today, so a change to the store's request fails here until they are re-recorded.
/// </summary>
public sealed class RequestFixturesTests
{
    public static TheoryData<string> Functions => new(StoreRequests.Functions);

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Fixture_IsTheRequestTheStoreSendsToday(string function)
    {
        string recorded = RequestFixtures.Text(await StoreRequests.RecordAsync(function, RequestFixtures.Recording));
        string path = RequestFixtures.PathOf(function);
        if (RequestFixtures.Rewriting)
        {
            await File.WriteAllTextAsync(path, recorded);
        }

        string checkedIn = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
        string because = $"{path} is not what the store sends today; re-record with ./build.sh bench --record-requests";
        LineDifference(checkedIn, recorded).ShouldBeEmpty(because);
        checkedIn.ShouldBe(recorded, because);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Replayed_WithAnInvocationsValues_IsTheStoresRequestForThem(string function)
    {
        var values = new InvocationValues("campaigns-bench", "BD-RUN1-7", Samples.Now.UtcDateTime, Samples.Writer, Guid.NewGuid());
        var store = await StoreRequests.RecordAsync(function, values);

        var replayed = RecordedRequest.Load(function);

        replayed.Operation.ShouldBe(store.Operation);
        JsonNode.Parse(replayed.Body(values.TextOf))!.ToJsonString().ShouldBe(store.Body.ToJsonString());
    }

    // The lines of each text the other lacks, as a diff reads (- checked in, + recorded).
    private static string LineDifference(string checkedIn, string recorded)
    {
        string[] old = checkedIn.Split('\n');
        string[] current = recorded.Split('\n');
        return string.Join('\n', old.Except(current).Select(line => "- " + line).Concat(current.Except(old).Select(line => "+ " + line)));
    }
}
