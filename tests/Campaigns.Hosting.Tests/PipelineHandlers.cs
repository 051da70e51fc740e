using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Campaigns.Hosting.Tests;

internal static class PipelineHandlers
{
    /// <summary>The handlers of a client's pipeline, outermost first.</summary>
    public static List<Type> Of(AmazonServiceClient client)
    {
        // The SDK keeps its pipeline internal; only tests look at it.
        var pipeline = (RuntimePipeline)typeof(AmazonServiceClient)
            .GetProperty("RuntimePipeline", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(client)!;
        return [.. pipeline.Handlers.Select(handler => handler.GetType())];
    }
}
