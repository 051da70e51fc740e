using System.Reflection;
using Campaigns.Domain.Storage;
using Campaigns.Hosting;
using Shouldly;
using Xunit;

namespace Campaigns.Testing.Grants;

/// <summary>
/// Least privilege grounded in the code: the DynamoDB actions (and table or index) a function's code sends,
/// recorded on the wire while it runs through every path that reaches the store, must equal its grants in
/// functions/functions.json. A grant never used fails, so does a use never granted.
/// </summary>
[Trait("Category", "Integration")]
public abstract class FunctionGrantsContract : IAsyncLifetime
{
    private readonly DynamoDbTestTable _table = new();
    private DynamoDbRecorder _recorder = null!;

    /// <summary>The function's key in functions/functions.json.</summary>
    protected abstract string FunctionName { get; }

    /// <summary>The function's assembly (its bootstrap).</summary>
    protected abstract Assembly FunctionAssembly { get; }

    /// <summary>The endpoint exactly as the function's Program.cs builds it.</summary>
    protected abstract IHttpEndpoint CreateEndpoint(CampaignServices services);

    /// <summary>Every path of the function that reaches the store: success, conditional failure, not found, paging.</summary>
    protected abstract Task ExerciseAsync(RecordedFunction recorded);

    public async Task InitializeAsync()
    {
        await _table.InitializeAsync();
        _recorder = await DynamoDbRecorder.StartAsync(_table.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await _table.DisposeAsync();
    }

    [Fact]
    public async Task Grants_EqualTheDynamoDbCallsItsCodeSends()
    {
        var environment = new RecordingEnvironment();
        environment.SetValue("TABLE_NAME", _table.Name);
        environment.SetValue("AWS_REGION", "us-east-1");
        environment.SetValue("AWS_ENDPOINT_URL_DYNAMODB", _recorder.Endpoint.ToString());
        environment.SetValue("AWS_ACCESS_KEY_ID", "local");
        environment.SetValue("AWS_SECRET_ACCESS_KEY", "local");
        var services = CampaignServices.FromEnvironment(environment);
        var function = RecordedFunction.Create(CreateEndpoint(services), services, new DynamoDbCampaignStore(_table.Client, _table.Name));

        await function.WarmUpAsync();
        await ExerciseAsync(function);

        var differences = GrantsComparison.Differences(FunctionGrants.Load(FunctionName), _recorder.Calls, _table.Name);
        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void EveryDynamoDbOperationItsCodeReferences_IsGrantedToAFunction()
    {
        var (actions, unrecognised) = ReferencedDynamoDbOperations.Of(FunctionAssembly);
        var granted = FunctionGrants.LoadAll().SelectMany(grants => grants.Actions).ToHashSet(StringComparer.Ordinal);

        // Each function's grants equal what its recorded runs send, so an action granted to none is one no
        // recorded path sends: a scenario is missing, or the code calls what no function may.
        unrecognised.ShouldBeEmpty(FunctionName + ": DynamoDB calls the recorder cannot attribute");
        actions.Where(action => !granted.Contains(action)).ShouldBeEmpty($"{FunctionName}'s code references DynamoDB actions that no recorded path sends and no function is granted");
        actions.ShouldNotBeEmpty();
    }
}
