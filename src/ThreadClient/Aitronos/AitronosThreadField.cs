namespace ThreadClient.Aitronos;

/// <summary>Which field a response request names its thread in.</summary>
public enum AitronosThreadField
{
    /// <summary><c>thread</c>: the id as a string, or <c>{"id","metadata"}</c>, as the product document writes it (the default).</summary>
    Thread = 0,

    /// <summary>
    /// <c>thread_id</c>, as the deployed Freddy API (<c>freddy-api.aitronos.ch</c>) takes it: the id as a
    /// string, numeric ids included (<c>"356082"</c>). A thread given with metadata is still written as the
    /// product document's <c>thread</c> object, the only documented way to send metadata.
    /// </summary>
    ThreadId,
}
