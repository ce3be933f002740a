namespace ThreadClient;

/// <summary>The client cannot make the call as configured (no API key for the provider): nothing was sent. The message names the setting.</summary>
public sealed class ThreadsConfigurationException : ThreadsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="message">What is missing and which setting to set.</param>
    public ThreadsConfigurationException(string? provider, string message)
        : base(provider, message)
    {
    }
}
