using Amazon.DynamoDBv2.Model;
using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

public sealed class CampaignItemMapperTests
{
    [Fact]
    public void ToItem_ThenFromItem_RoundTrips()
    {
        var campaign = Samples.Campaign("MAP-1");

        CampaignItemMapper.FromItem(CampaignItemMapper.ToItem(campaign)).ShouldBeEquivalentTo(campaign);
    }

    [Fact]
    public void ToItem_UsesInvariantFormats()
    {
        var item = CampaignItemMapper.ToItem(Samples.Campaign("MAP-2"));

        item["discountPercentage"].N.ShouldBe("12.5");
        item["fromDate"].S.ShouldBe("2025-06-01");
        item["dateCreated"].S.ShouldBe("2025-06-15T10:30:00.123Z");
        item["productId"].S.ShouldBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        item["active"].BOOL.ShouldBe(true);
    }

    [Fact]
    public void FromItem_WhenAttributeMissing_NamesIt()
    {
        var item = CampaignItemMapper.ToItem(Samples.Campaign());
        item.Remove("description");

        Should.Throw<UnreadableItemException>(() => CampaignItemMapper.FromItem(item)).Message.ShouldContain("'description'");
    }

    [Fact]
    public void FromItem_WhenNumberStoredWithTrailingZeros_Normalises()
    {
        var item = CampaignItemMapper.ToItem(Samples.Campaign());
        item["discountPercentage"] = new AttributeValue { N = "12.50" };

        CampaignItemMapper.FromItem(item).DiscountPercentage.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12.5");
    }
}
