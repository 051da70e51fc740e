using Microsoft.AspNetCore.Http;

namespace Campaigns.RuntimeApi;

/// <summary>Request bodies read under a size limit, so an oversized one is refused with the service's own answer.</summary>
public static class LimitedBody
{
    /// <summary>Reads the whole body, or returns null as soon as it proves longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and discards what is left of a refused body, so a client that writes its whole body before reading
    /// (as most do) receives the refusal instead of a connection reset. Gives up past 64 MB.
    /// </summary>
    public static async Task DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scratch = new byte[81920];
        long total = 0;
        int read;
        while (total < 64 * 1024 * 1024 && (read = await request.Body.ReadAsync(scratch, cancellationToken)) > 0)
        {
            total += read;
        }
    }
}
