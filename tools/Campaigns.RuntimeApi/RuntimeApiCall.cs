namespace Campaigns.RuntimeApi;

internal enum RuntimeApiCall
{
    Unknown,
    MethodNotAllowed,
    Next,
    Response,
    Error,
    InitError,
}
