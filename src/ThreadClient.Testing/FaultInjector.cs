namespace ThreadClient.Testing;

/// <summary>Faults queued per route: the next matching requests take them, in order.</summary>
public sealed class FaultInjector
{
    private readonly List<(string Method, string PathPrefix, EmulatorFault Fault)> _queue = [];

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> requests whose method matches and whose path starts with <paramref name="pathPrefix"/>.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="pathPrefix">The path or its start, for example <c>/chat/completions</c> or <c>/v1/threads</c>.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests take it.</param>
    public void Enqueue(string method, string pathPrefix, EmulatorFault fault, int times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathPrefix);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_queue)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Add((method, pathPrefix, fault));
            }
        }
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_queue)
        {
            _queue.Clear();
        }
    }

    internal EmulatorFault? Take(string method, string path)
    {
        lock (_queue)
        {
            var index = _queue.FindIndex(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return fault;
        }
    }
}
