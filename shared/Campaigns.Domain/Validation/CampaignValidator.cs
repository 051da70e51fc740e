using System.Globalization;
using System.Text.Json;
using Campaigns.Domain.Model;

namespace Campaigns.Domain.Validation;

/// <summary>
/// Validates a create or update body field by field, so one request reports every problem at once.
/// Reads a <see cref="JsonElement"/> rather than binding a DTO, so a wrong type is a message on its
/// field instead of one opaque deserialisation failure.
/// </summary>
public static class CampaignValidator
{
    public const int MaxDescriptionLength = 500;
    public const int MaxLinkLength = 2048;

    /// <summary>The message on any string, known field or not, whose escapes leave a surrogate unpaired.</summary>
    public const string UnpairedSurrogateRule = "must not contain a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape)";

    public const string DescriptionCharactersRule =
        "must not contain control characters other than tab, line feed and carriage return, nor Unicode non-characters";

    /// <param name="body">A JSON object.</param>
    /// <param name="pathCode">The normalised code from the path on update; null on create, where the body must carry it.</param>
    public static CampaignDraft? Validate(JsonElement body, string? pathCode, ValidationErrors errors)
    {
        var reader = new FieldReader(body, errors);
        string? code = ValidateCode(reader, pathCode, errors);
        string? description = ValidateDescription(reader, errors);
        decimal? discount = ValidateDiscount(reader, errors);
        Guid? productId = ValidateProductId(reader, errors);
        string? link = ValidateLink(reader, errors);
        DateOnly? fromDate = ValidateDate(reader, FieldNames.FromDate, errors);
        DateOnly? toDate = ValidateDate(reader, FieldNames.ToDate, errors);
        string? status = ValidateStatus(reader, errors);

        if (fromDate is { } from && toDate is { } to && to < from)
        {
            errors.Add(FieldNames.ToDate, "must be on or after fromDate");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        return new CampaignDraft(code, description!, discount!.Value, productId!.Value, link!, fromDate!.Value, toDate!.Value, status);
    }

    private static string? ValidateCode(FieldReader reader, string? pathCode, ValidationErrors errors)
    {
        string? raw = reader.String(FieldNames.Code, required: pathCode is null);
        if (raw is null)
        {
            return pathCode;
        }

        if (!CampaignCode.TryNormalize(raw, out string code))
        {
            errors.Add(FieldNames.Code, CampaignCode.Rule);
            return null;
        }

        if (pathCode is not null && code != pathCode)
        {
            errors.Add(FieldNames.Code, "must match the code in the path");
            return null;
        }

        return code;
    }

    private static string? ValidateDescription(FieldReader reader, ValidationErrors errors)
    {
        string? description = reader.String(FieldNames.Description, required: true);
        if (description is not null && (description.Length > MaxDescriptionLength || string.IsNullOrWhiteSpace(description)))
        {
            errors.Add(FieldNames.Description, $"must be 1 to {MaxDescriptionLength} characters and not blank");
            return null;
        }

        if (description is not null && !PlainText.IsAllowed(description))
        {
            errors.Add(FieldNames.Description, DescriptionCharactersRule);
            return null;
        }

        return description;
    }

    private static decimal? ValidateDiscount(FieldReader reader, ValidationErrors errors)
    {
        const string Rule = "must be a number greater than 0 and at most 100, with at most 2 decimals";
        if (!reader.TryGet(FieldNames.DiscountPercentage, required: true, out JsonElement element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number
            || !element.TryGetDecimal(out decimal value)
            || value <= 0m || value > 100m
            || decimal.Round(value, 2) != value)
        {
            errors.Add(FieldNames.DiscountPercentage, Rule);
            return null;
        }

        return DecimalText.Normalize(value);
    }

    private static Guid? ValidateProductId(FieldReader reader, ValidationErrors errors)
    {
        string? raw = reader.String(FieldNames.ProductId, required: true);
        if (raw is null)
        {
            return null;
        }

        if (!Guid.TryParseExact(raw, "D", out Guid productId))
        {
            errors.Add(FieldNames.ProductId, "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
            return null;
        }

        return productId;
    }

    private static string? ValidateLink(FieldReader reader, ValidationErrors errors)
    {
        string? link = reader.String(FieldNames.TermsConditionsLink, required: true);
        if (link is not null && !HttpsLink.IsValid(link, MaxLinkLength))
        {
            errors.Add(FieldNames.TermsConditionsLink, $"must be an absolute https URL of at most {MaxLinkLength} characters");
            return null;
        }

        return link;
    }

    private static DateOnly? ValidateDate(FieldReader reader, string field, ValidationErrors errors)
    {
        string? raw = reader.String(field, required: true);
        if (raw is null)
        {
            return null;
        }

        if (!DateText.TryParse(raw, out DateOnly date))
        {
            errors.Add(field, "must be a calendar date in the form YYYY-MM-DD");
            return null;
        }

        return date;
    }

    private static string? ValidateStatus(FieldReader reader, ValidationErrors errors)
    {
        // Absent or null both mean "not given": ACTIVE on create, unchanged on update.
        string? status = reader.String(FieldNames.Status, required: false);
        if (status is not null && !CampaignStatus.IsSettable(status))
        {
            errors.Add(FieldNames.Status, $"must be one of {CampaignStatus.Draft}, {CampaignStatus.Active}, {CampaignStatus.Paused}");
            return null;
        }

        return status;
    }
}
