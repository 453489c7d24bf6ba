namespace WebexWholesale.Exporter;

/// <summary>
/// An output file written beside its final place and moved there on <see cref="Commit"/>: a failed export leaves no
/// partial file, and an unwritable path is found before any work is done.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string target, string temporary)
    {
        _target = target;
        _temporary = temporary;
    }

    public static AtomicFile Open(string path)
    {
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new ExportException($"cannot write {path}: it is a folder");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, []);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ExportException($"cannot write {path}: {error.Message}", error);
        }

        return new AtomicFile(target, temporary);
    }

    public void Write(string text) => File.WriteAllText(_temporary, text);

    public void Commit()
    {
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            File.Delete(_temporary);
        }
    }
}
