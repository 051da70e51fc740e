using System.Text.Json;

namespace Campaigns.Domain.Validation;

/// <summary>Reads typed fields from a JSON object, recording "required" and "wrong type" messages.</summary>
internal readonly struct FieldReader(JsonElement body, ValidationErrors errors)
{
    public bool TryGet(string field, bool required, out JsonElement value)
    {
        if (body.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            errors.Add(field, "is required");
        }

        return false;
    }

    public string? String(string field, bool required)
    {
        if (!TryGet(field, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(field, "must be a string");
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // The reader accepts a lone surrogate escape; only reading the string refuses it.
            errors.Add(field, CampaignValidator.UnpairedSurrogateRule);
            return null;
        }
    }
}
