using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Hosting.Tests;

public sealed class CampaignServicesTests
{
    [Theory]
    [InlineData("TABLE_NAME")]
    [InlineData("AWS_REGION")]
    public void FromEnvironment_WhenRequiredVariableMissing_FailsNamingIt(string missing)
    {
        var variables = Variables("campaigns");
        variables.SetValue(missing, null);

        Should.Throw<InvalidOperationException>(() => CampaignServices.FromEnvironment(variables))
            .Message.ShouldBe($"Environment variable {missing} is not set.");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("campaigns/write", "campaigns/write")]
    public void FromEnvironment_ReadsTheWriteScope(string? configured, string? required)
    {
        var variables = Variables("campaigns");
        variables.SetValue("WRITE_SCOPE", configured);

        CampaignServices.FromEnvironment(variables).WriteAccess.RequiredScope.ShouldBe(required);
    }

    [Fact]
    public void FromEnvironment_WhenWriteScopeMalformed_FailsInit()
    {
        var variables = Variables("campaigns");
        variables.SetValue("WRITE_SCOPE", "campaigns/write campaigns/admin");

        Should.Throw<InvalidOperationException>(() => CampaignServices.FromEnvironment(variables)).Message.ShouldContain("WRITE_SCOPE");
    }

    [Theory]
    [Trait("Category", "Integration")]
    [InlineData(null)]
    [InlineData("session-token")]
    public async Task FromEnvironment_WithEndpointAndCredentials_WritesToThatTable(string? sessionToken)
    {
        var table = new DynamoDbTestTable();
        await table.InitializeAsync();
        try
        {
            var variables = Variables(table.Name);
            if (sessionToken is not null)
            {
                variables.SetValue("AWS_SESSION_TOKEN", sessionToken);
            }

            var services = CampaignServices.FromEnvironment(variables);
            await services.Store.TryCreateAsync(Samples.Campaign("ENV-1"), default);

            (await table.Client.ScanAsync(new ScanRequest { TableName = table.Name })).Count.ShouldBe(1);
            services.Time.ShouldBe(TimeProvider.System);
            services.Probe.ShouldBeSameAs(services.Store);
        }
        finally
        {
            await table.DisposeAsync();
        }
    }

    [Theory]
    [Trait("Category", "Integration")]
    [InlineData("smoke-client", "SMOKE-ENV-1", "smoke-client", true)]
    [InlineData("smoke-client", "SMOKE-ENV-2", "admin-sub", false)] // another caller's SMOKE- code is a real campaign
    [InlineData("smoke-client", "REAL-ENV-3", "smoke-client", false)] // the smoke identity's ordinary code
    [InlineData(null, "SMOKE-ENV-4", "smoke-client", false)] // no SMOKE_CALLER: nothing expires
    [InlineData("", "SMOKE-ENV-5", "", false)]
    public async Task FromEnvironment_OnlyTheSmokeCallersSmokeCodesExpire(string? smokeCaller, string code, string caller, bool expires)
    {
        var table = new DynamoDbTestTable();
        await table.InitializeAsync();
        try
        {
            var variables = Variables(table.Name);
            variables.SetValue("SMOKE_CALLER", smokeCaller);

            // Created in the future: DynamoDB Local's TTL may delete an item whose expiry has passed
            // before the test reads it back.
            var created = new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await CampaignServices.FromEnvironment(variables).Store.TryCreateAsync(Samples.Campaign(code, lastUpdatedBy: caller, created: created.UtcDateTime), default);

            var item = await table.RawItemAsync(code);
            if (expires)
            {
                item[AttributeNames.ExpiresAt].N.ShouldBe(created.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                item.ShouldNotContainKey(AttributeNames.ExpiresAt);
            }
        }
        finally
        {
            await table.DisposeAsync();
        }
    }

    private static RecordingEnvironment Variables(string tableName)
    {
        var variables = new RecordingEnvironment();
        variables.SetValue("TABLE_NAME", tableName);
        variables.SetValue("AWS_REGION", "eu-west-1");
        variables.SetValue("AWS_ACCESS_KEY_ID", "local");
        variables.SetValue("AWS_SECRET_ACCESS_KEY", "local");
        variables.SetValue("AWS_ENDPOINT_URL_DYNAMODB", Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT") ?? "http://127.0.0.1:1");
        return variables;
    }
}
