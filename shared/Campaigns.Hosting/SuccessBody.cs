namespace Campaigns.Hosting;

/// <summary>What a route's successful answer carries: init builds the serializer's metadata for that body only.</summary>
public enum SuccessBody
{
    /// <summary>No body (204).</summary>
    None,

    /// <summary>One campaign.</summary>
    Campaign,

    /// <summary>A page of campaigns.</summary>
    Page,
}
