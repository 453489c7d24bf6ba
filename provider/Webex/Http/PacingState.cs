using System.Buffers.Binary;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>
/// What the rate governor knows of a token's pace: the schedule (the next request's theoretical arrival, a pause
/// Webex asked for), the rate it learned (the last cut and the recovery earned since) and the answers Webex accepted
/// in the last second. In memory for one process, or in a file that the plugins of one machine share
/// (<see cref="SharedPacing"/>).
/// </summary>
public sealed class PacingState
{
    /// <summary>Accepted answers kept: more than a second's worth at the highest rate and its burst.</summary>
    public const int AcceptedKept = 128;

    private const long Magic = 0x3147_4E49_4341_5057; // "WPACING1", so a foreign or older file is not misread

    public double CutRate { get; set; } = RateGovernor.MaxRate;
    public DateTimeOffset TheoreticalArrival { get; set; }
    public DateTimeOffset PausedUntil { get; set; }
    public DateTimeOffset LastCut { get; set; } = DateTimeOffset.MinValue;
    public TimeSpan WaitedSinceCut { get; set; }
    public Queue<DateTimeOffset> RecentlyAccepted { get; } = new();

    /// <summary>The state as bytes, stamped with when it was written.</summary>
    public byte[] Encode(DateTimeOffset now)
    {
        var accepted = RecentlyAccepted.Skip(Math.Max(0, RecentlyAccepted.Count - AcceptedKept)).ToList();
        var bytes = new byte[8 * (8 + accepted.Count)];
        var fields = new long[]
        {
            Magic, now.UtcTicks, BitConverter.DoubleToInt64Bits(CutRate), TheoreticalArrival.UtcTicks, PausedUntil.UtcTicks, LastCut.UtcTicks,
            WaitedSinceCut.Ticks, accepted.Count,
        };
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * i), fields[i]);
        }

        for (var i = 0; i < accepted.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8 * (8 + i)), accepted[i].UtcTicks);
        }

        return bytes;
    }

    /// <summary>
    /// The state in <paramref name="bytes"/>; a fresh state when they are empty, not a state, or older than
    /// <paramref name="forgetAfter"/> (a limit learned long ago says little about now).
    /// </summary>
    public static PacingState Decode(ReadOnlySpan<byte> bytes, DateTimeOffset now, TimeSpan forgetAfter)
    {
        if (bytes.Length < 64 || Field(bytes, 0) != Magic || Field(bytes, 7) is < 0 or > AcceptedKept || bytes.Length < 8 * (8 + Field(bytes, 7)))
        {
            return new PacingState();
        }

        var written = At(Field(bytes, 1));
        if (written is null || now - written > forgetAfter || At(Field(bytes, 3)) is not { } arrival || At(Field(bytes, 4)) is not { } paused || At(Field(bytes, 5)) is not { } lastCut)
        {
            return new PacingState();
        }

        var rate = BitConverter.Int64BitsToDouble(Field(bytes, 2));
        var state = new PacingState
        {
            CutRate = double.IsFinite(rate) ? Math.Clamp(rate, RateGovernor.MinRate, RateGovernor.MaxRate) : RateGovernor.MaxRate,
            TheoreticalArrival = arrival,
            PausedUntil = paused,
            LastCut = lastCut,
            WaitedSinceCut = TimeSpan.FromTicks(Math.Max(0, Field(bytes, 6))),
        };
        for (var i = 0; i < Field(bytes, 7); i++)
        {
            if (At(Field(bytes, 8 + i)) is { } accepted)
            {
                state.RecentlyAccepted.Enqueue(accepted);
            }
        }

        return state;
    }

    private static long Field(ReadOnlySpan<byte> bytes, int i) => BinaryPrimitives.ReadInt64LittleEndian(bytes[(8 * i)..]);

    private static DateTimeOffset? At(long ticks) =>
        ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
