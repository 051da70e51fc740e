using System.Text.Json;
using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;
using Campaigns.Domain.Validation;
using Campaigns.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Campaigns.Domain.Tests.Properties;

public sealed class ValidatorRoundTripProperties
{
    [Fact]
    public void Validate_AnythingAccepted_RoundTripsThroughTheItemMappingUnchanged()
    {
        int accepted = 0;
        var property = Prop.ForAll(BodyGenerators.Body().ToArbitrary(), body =>
        {
            var campaign = Accept(body);
            if (campaign is not null)
            {
                accepted++;
                CampaignItemMapper.FromItem(CampaignItemMapper.ToItem(campaign)).ShouldBeEquivalentTo(campaign);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);

        // The generator must reach the accepting side, or the property proves nothing.
        accepted.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Validate_NeverThrows_AndRejectionsNameOnlyKnownFields()
    {
        string[] known = ["code", "description", "discountPercentage", "productId", "termsConditionsLink", "fromDate", "toDate", "status"];
        var property = Prop.ForAll(BodyGenerators.Body().ToArbitrary(), body =>
        {
            using var document = JsonDocument.Parse(body.ToJsonString());
            var errors = new ValidationErrors();
            CampaignValidator.Validate(document.RootElement, null, errors);
            errors.ToDictionary().Keys.ShouldAllBe(key => known.Contains(key));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Validate_AnythingAccepted_RoundTripsThroughDynamoDbUnchanged()
    {
        var table = new DynamoDbTestTable();
        await table.InitializeAsync();
        try
        {
            var store = new DynamoDbCampaignStore(table.Client, table.Name);
            var campaigns = BodyGenerators.Body().Sample(400).Select(Accept).OfType<Campaign>().DistinctBy(c => c.Code).Take(60).ToList();
            campaigns.Count.ShouldBeGreaterThan(10);

            foreach (var campaign in campaigns)
            {
                (await store.TryCreateAsync(campaign, default)).ShouldBeTrue();
                (await store.GetAsync(campaign.Code, default)).ShouldBeEquivalentTo(campaign);
            }
        }
        finally
        {
            await table.DisposeAsync();
        }
    }

    private static Campaign? Accept(System.Text.Json.Nodes.JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var draft = CampaignValidator.Validate(document.RootElement, null, new ValidationErrors());
        return draft is null ? null : NewCampaign.From(draft, Guid.NewGuid(), Samples.Now.UtcDateTime, "property@example.com");
    }
}
