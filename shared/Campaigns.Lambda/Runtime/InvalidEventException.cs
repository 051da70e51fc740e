namespace Campaigns.Lambda.Runtime;

/// <summary>
/// The event is not one the function accepts. Thrown by a handler, or raised by the runtime when the event
/// JSON cannot be read; reported to Lambda as an error rather than a response.
/// </summary>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
        : base("The event is not one this function accepts.")
    {
    }

    public InvalidEventException(string message)
        : base(message)
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
