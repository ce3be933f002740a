namespace ThreadClient.Tests.Infrastructure;

public static class OwnPipeline
{
    /// <summary>
    /// For tests that put the SDK's <c>ThreadsResilienceHandler</c> (with a fake clock and fixed jitter)
    /// into the HttpClient they pass: the documented way to bring your own pipeline is to switch the
    /// SDK's off, so that it does not wrap a second one around it.
    /// </summary>
    public static ThreadsClientOptions Of(ThreadsClientOptions options)
    {
        options.Resilience.Enabled = false;
        return options;
    }
}
