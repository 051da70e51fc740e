namespace Campaigns.Domain.Storage;

/// <summary>Told of every stored item a read skips or refuses because it cannot be mapped.</summary>
public interface IUnreadableItems
{
    void Skipped(UnreadableItemException exception);
}
