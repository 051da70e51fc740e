namespace Campaigns.Domain.Storage;

/// <summary>The kinds of store call a function makes, each needing its own IAM action.</summary>
public enum StoreOperation
{
    /// <summary>A consistent read of one item (GetItem).</summary>
    Get,

    /// <summary>A query of the status index (Query).</summary>
    List,

    /// <summary>A conditional put of a new item (PutItem).</summary>
    Create,

    /// <summary>A conditional update of an existing item (UpdateItem; a failed one is classified by a GetItem).</summary>
    Update,
}
