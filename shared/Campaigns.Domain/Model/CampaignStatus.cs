namespace Campaigns.Domain.Model;

public static class CampaignStatus
{
    public const string Draft = "DRAFT";
    public const string Active = "ACTIVE";
    public const string Paused = "PAUSED";

    /// <summary>Soft-deleted: never accepted from clients, only set by DELETE.</summary>
    public const string Deleted = "DELETED";

    public static bool IsSettable(string value) => value is Draft or Active or Paused;
}
