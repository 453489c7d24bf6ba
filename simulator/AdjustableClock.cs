namespace WebexWholesale.Simulator;

/// <summary>
/// The simulator's clock: real time plus an offset that the control API can move forward, so tests can finish a
/// provisioning at once instead of waiting for it.
/// </summary>
public sealed class AdjustableClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
