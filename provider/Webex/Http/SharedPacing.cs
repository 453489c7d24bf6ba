using System.Security.Cryptography;
using System.Text;

namespace WebexWholesale.Provider.Webex.Http;

/// <summary>Where the rate governor keeps a token's <see cref="PacingState"/>, and how it changes it atomically.</summary>
public interface IPacingStore
{
    /// <summary>Runs <paramref name="change"/> on the state, alone: no other change of the same state runs meanwhile.</summary>
    T Change<T>(Func<PacingState, T> change);
}

/// <summary>The pace of one process's requests, in memory.</summary>
public sealed class LocalPacing : IPacingStore
{
    private readonly Lock _gate = new();
    private readonly PacingState _state = new();

    public T Change<T>(Func<PacingState, T> change)
    {
        lock (_gate)
        {
            return change(_state);
        }
    }
}

/// <summary>
/// One token's pace shared by every process of a machine that calls Webex with it: the stacks a CI runner deploys
/// side by side use one Webex rate limit, and governors that each learn it alone overrun it together (measured: 11 %
/// of requests answered 429 with 8 processes, 1.5 % sharing). The state is a small file in a folder the caller names,
/// called by a SHA-256 of the base URL and the token (never the token itself), changed under an exclusive lock (<see cref="FileShare.None"/>, which .NET takes with flock on Unix and
/// the kernel releases when a process dies). A state not written for <see cref="ForgetAfter"/> is forgotten. When the
/// file cannot be used (no home folder, a read-only disk) the pace is this process's own, as without sharing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SharedPacing(string file, TimeProvider time, Action<string>? diagnostics = null) : IPacingStore
{
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(1);

    private const int MostBytes = 8 * (8 + PacingState.AcceptedKept);

    /// <summary>How long a change waits for another process's before pacing alone.</summary>
    private const int MostSpins = 200_000;

    private readonly Lock _gate = new();
    private readonly LocalPacing _alone = new();
    private bool _unusable;
    private bool _folderMade;

    public string File { get; } = file;

    public T Change<T>(Func<PacingState, T> change)
    {
        lock (_gate)
        {
            if (!_unusable && Open() is { } stream)
            {
                using (stream)
                {
                    try
                    {
                        return ChangeIn(stream, change);
                    }
                    catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                    {
                        GiveUp(error);
                    }
                }
            }

            return _alone.Change(change);
        }
    }

    private T ChangeIn<T>(FileStream stream, Func<PacingState, T> change)
    {
        // A pace is under 1.1 KB; a larger file is not one, and is not read into memory.
        var bytes = new byte[stream.Length <= MostBytes ? stream.Length : 0];
        stream.ReadExactly(bytes);
        var now = time.GetUtcNow();
        var state = PacingState.Decode(bytes, now, ForgetAfter);
        var result = change(state);
        var written = state.Encode(now);
        stream.Position = 0;
        stream.Write(written);
        stream.SetLength(written.Length);
        return result;
    }

    /// <summary>The file, locked for this process; null when it cannot be had (then the pace is this process's own).</summary>
    private FileStream? Open()
    {
        var spin = new SpinWait();
        for (var i = 0; i < MostSpins; i++)
        {
            try
            {
                if (!_folderMade)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(File)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                    _folderMade = true; // once: a change runs twice per request
                }

                return new FileStream(File, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            }
            catch (IOException error) when (IsHeldByAnother(error))
            {
                spin.SpinOnce(sleep1Threshold: -1); // another process is changing it: microseconds
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or PlatformNotSupportedException)
            {
                GiveUp(error);
                return null;
            }
        }

        return null; // held far longer than a change takes: pace alone this once
    }

    /// <summary>Another holds the lock: EWOULDBLOCK from flock on Linux (11) and macOS (35), a sharing or lock violation on Windows.</summary>
    private static bool IsHeldByAnother(IOException error) =>
        error is not (DirectoryNotFoundException or FileNotFoundException or PathTooLongException) && (error.HResult & 0xFFFF) is 11 or 35 or 32 or 33;

    private void GiveUp(Exception error)
    {
        _unusable = true;
        diagnostics?.Invoke($"the rate limit is paced by this process alone: the shared pace file {File} cannot be used ({error.Message})");
    }
}

/// <summary>Where a configured provider keeps its token's pace.</summary>
public static class TokenPace
{
    /// <summary>The pace of a token at a base URL, shared in <paramref name="folder"/> when there is one (not on Windows); else this process's own.</summary>
    public static IPacingStore For(string baseUrl, string accessToken, string? folder, TimeProvider time, Action<string>? diagnostics) =>
        !OperatingSystem.IsWindows() && folder is not null ? new SharedPacing(FileFor(baseUrl, accessToken, folder), time, diagnostics) : new LocalPacing();

    /// <summary>The file of a token at a base URL in <paramref name="folder"/>: named by a hash, so the token is in neither its name nor its content.</summary>
    public static string FileFor(string baseUrl, string accessToken, string folder) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{baseUrl.TrimEnd('/')}\n{accessToken}")))[..32]);
}
