namespace ThreadClient.Http;

/// <summary>Reads a response's body into memory, disposing the response if that fails.</summary>
internal static class ResponseBuffer
{
    public static async Task<HttpResponseMessage> LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
