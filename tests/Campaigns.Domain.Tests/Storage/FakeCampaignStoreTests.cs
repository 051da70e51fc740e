using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

public sealed class FakeCampaignStoreTests : CampaignStoreContract
{
    protected override ICampaignStore Store { get; } = new FakeCampaignStore();
}
