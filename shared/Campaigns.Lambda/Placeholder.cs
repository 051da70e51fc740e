namespace Campaigns.Lambda;

internal static class Placeholder;
