namespace Campaigns.Lambda.Runtime;

internal static class ExitCodes
{
    public const int Stopped = 0;
    public const int InitializationFailed = 1;
    public const int RuntimeApiFailed = 2;
}
