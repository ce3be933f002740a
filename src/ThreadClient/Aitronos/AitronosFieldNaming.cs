namespace ThreadClient.Aitronos;

/// <summary>How the response request's compound field names are spelled.</summary>
public enum AitronosFieldNaming
{
    /// <summary>camelCase, as the product document (the first service generation) writes them: <c>threadState</c>, <c>previousResponseId</c>, <c>organization_id</c> (the default).</summary>
    CamelCase = 0,

    /// <summary>The newer service generation's snake_case: <c>thread_state</c>, <c>previous_response_id</c>, <c>organization_id</c>.</summary>
    SnakeCase,
}
