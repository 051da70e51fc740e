using System.Diagnostics;
using Campaigns.Testing;

namespace Campaigns.Emulator.Tests.Fakes;

/// <summary>
/// Plays the function from inside the test: the emulator "launches" a harmless <c>sleep</c> for the slot, and
/// the test speaks the Runtime API on that slot's port with an HttpClient, step by step.
/// </summary>
internal sealed class InProcessFunction : IDisposable
{
    private readonly TaskCompletionSource<FunctionLaunch> _launched = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InProcessFunction()
    {
        // The next call may legitimately wait for a long time: no client-side timeout beyond the hang guard.
        Runtime = new HttpClient { Timeout = Eventually.Limit };
    }

    public HttpClient Runtime { get; }

    public ProcessStartInfo Launch(FunctionLaunch launch)
    {
        _launched.TrySetResult(launch);
        return new ProcessStartInfo("sleep", ["3600"]);
    }

    /// <summary>The launch the emulator made, once a request has cold-started the function.</summary>
    public Task<FunctionLaunch> LaunchedAsync() => _launched.Task.WaitAsync(Eventually.Limit);

    public async Task<Uri> RuntimeApiAsync()
    {
        var launch = await LaunchedAsync();
        return new Uri($"http://{launch.Environment["AWS_LAMBDA_RUNTIME_API"]}/2018-06-01/");
    }

    public async Task<HttpResponseMessage> NextAsync() =>
        await Runtime.GetAsync(new Uri(await RuntimeApiAsync(), "runtime/invocation/next"));

    public async Task<HttpResponseMessage> PostAsync(string relative, byte[] body, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(await RuntimeApiAsync(), relative))
        {
            Content = new ByteArrayContent(body),
        };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }

        return await Runtime.SendAsync(request);
    }

    public void Dispose() => Runtime.Dispose();
}
