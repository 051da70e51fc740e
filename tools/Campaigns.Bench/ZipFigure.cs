namespace Campaigns.Bench;

/// <summary>One function's deployment zip as the budget's zip line sees it: its size, the architecture of its bootstrap, and where it comes from.</summary>
internal sealed record ZipFigure(long Bytes, string Architecture, string Origin);
