using Campaigns.Domain.Storage;
using Campaigns.Testing;

namespace Campaigns.Domain.Tests.Storage;

public sealed class FakeCampaignStoreTests : CampaignStoreContract
{
    private readonly FakeCampaignStore _store = new();

    protected override ICampaignStore Store => _store;

    protected override IStoreProbe Probe => _store;
}
