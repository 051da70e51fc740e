using Campaigns.Emulator.HttpApi;
using Campaigns.Emulator.Runtime;

namespace Campaigns.Emulator.Hosting;

/// <summary>The handlers, available once the listeners are bound and their ports known.</summary>
internal sealed record RequestWiring(HttpApiFront Front, IReadOnlyDictionary<int, ProcessSlot> Slots);
