using Campaigns.Domain.Validation;

namespace Campaigns.Domain.Model;

public static class NewCampaign
{
    /// <summary>A campaign as first stored: live, version 1, created and last updated now by the caller.</summary>
    public static Campaign From(CampaignDraft draft, Guid id, DateTime now, string createdBy) => new()
    {
        Code = draft.Code ?? throw new ArgumentException("A new campaign needs a code.", nameof(draft)),
        Id = id,
        Description = draft.Description,
        DiscountPercentage = draft.DiscountPercentage,
        ProductId = draft.ProductId,
        TermsConditionsLink = draft.TermsConditionsLink,
        FromDate = draft.FromDate,
        ToDate = draft.ToDate,
        Status = draft.Status ?? CampaignStatus.Active,
        Active = true,
        DateCreated = now,
        DateLastUpdated = now,
        LastUpdatedBy = createdBy,
        Version = 1,
    };
}
