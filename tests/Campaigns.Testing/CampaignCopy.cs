using Campaigns.Domain.Model;
using Campaigns.Domain.Storage;

namespace Campaigns.Testing;

internal static class CampaignCopy
{
    public static Campaign WithChanges(Campaign c, CampaignChanges changes) => new()
    {
        Code = c.Code,
        Id = c.Id,
        Description = changes.Draft.Description,
        DiscountPercentage = changes.Draft.DiscountPercentage,
        ProductId = changes.Draft.ProductId,
        TermsConditionsLink = changes.Draft.TermsConditionsLink,
        FromDate = changes.Draft.FromDate,
        ToDate = changes.Draft.ToDate,
        Status = changes.Draft.Status ?? c.Status,
        Active = c.Active,
        DateCreated = c.DateCreated,
        DateLastUpdated = changes.UpdatedAt,
        LastUpdatedBy = changes.UpdatedBy,
        Version = c.Version + 1,
    };

    public static Campaign AsDeleted(Campaign c, CampaignDeletion deletion) => new()
    {
        Code = c.Code,
        Id = c.Id,
        Description = c.Description,
        DiscountPercentage = c.DiscountPercentage,
        ProductId = c.ProductId,
        TermsConditionsLink = c.TermsConditionsLink,
        FromDate = c.FromDate,
        ToDate = c.ToDate,
        Status = CampaignStatus.Deleted,
        Active = false,
        DateCreated = c.DateCreated,
        DateLastUpdated = deletion.DeletedAt,
        LastUpdatedBy = deletion.DeletedBy,
        Version = c.Version + 1,
    };
}
