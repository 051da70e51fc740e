using Amazon.DynamoDBv2.Model;
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
