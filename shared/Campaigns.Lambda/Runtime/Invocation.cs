namespace Campaigns.Lambda.Runtime;

/// <summary>One event fetched from <c>runtime/invocation/next</c>.</summary>
internal sealed class Invocation(LambdaContext context, ReadOnlyMemory<byte> body)
{
    public LambdaContext Context { get; } = context;

    public ReadOnlyMemory<byte> Body { get; } = body;
}
