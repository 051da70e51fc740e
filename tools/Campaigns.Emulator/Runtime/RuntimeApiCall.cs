namespace Campaigns.Emulator.Runtime;

internal enum RuntimeApiCall
{
    Unknown,
    MethodNotAllowed,
    Next,
    Response,
    Error,
    InitError,
}
