namespace Campaigns.Lambda.Runtime;

/// <summary>Values of the <c>Lambda-Runtime-Function-Error-Type</c> header, in Lambda's Category.Reason style.</summary>
internal static class ErrorTypes
{
    public const string InitError = "Runtime.InitError";
    public const string InvalidEvent = "Runtime.InvalidEvent";
    public const string SerializationError = "Runtime.SerializationError";
    public const string UnhandledException = "Runtime.UnhandledException";
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";
}
