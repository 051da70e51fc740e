namespace Campaigns.Domain.Storage;

/// <summary>
/// Sends the store one request of an operation's kind, for a key no campaign can have (codes never
/// contain '#') and with conditions that keep writes from ever applying: the request goes the whole
/// way to the table, yet reads, changes and returns nothing a client can see.
/// </summary>
public interface IStoreProbe
{
    Task ProbeAsync(StoreOperation operation, CancellationToken cancellationToken);
}
