using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Hosting;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Hosting;

public sealed class CampaignServicesTests
{
    [Theory]
    [InlineData("TABLE_NAME")]
    [InlineData("AWS_REGION")]
    public void FromEnvironment_WhenRequiredVariableMissing_FailsNamingIt(string missing)
    {
        var variables = Variables("campaigns");
        variables.Remove(missing);

        Should.Throw<InvalidOperationException>(() => CampaignServices.FromEnvironment(variables.GetValueOrDefault))
            .Message.ShouldBe($"Environment variable {missing} is not set.");
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
                variables["AWS_SESSION_TOKEN"] = sessionToken;
            }

            var services = CampaignServices.FromEnvironment(variables.GetValueOrDefault);
            await services.Store.TryCreateAsync(Samples.Campaign("ENV-1"), default);

            (await table.Client.ScanAsync(new ScanRequest { TableName = table.Name })).Count.ShouldBe(1);
            services.Time.ShouldBe(TimeProvider.System);
        }
        finally
        {
            await table.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Variables(string tableName) => new()
    {
        ["TABLE_NAME"] = tableName,
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = Environment.GetEnvironmentVariable("DYNAMODB_ENDPOINT") ?? "http://127.0.0.1:1",
    };
}
