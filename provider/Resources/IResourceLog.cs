namespace WebexWholesale.Provider.Resources;

/// <summary>
/// Messages about one resource operation for the person running Pulumi. <see cref="StatusAsync"/> is progress shown
/// while the operation runs and discarded afterwards; the others stay in the diagnostics.
/// </summary>
public interface IResourceLog
{
    Task DebugAsync(string message);
    Task InfoAsync(string message);
    Task WarningAsync(string message);
    Task StatusAsync(string message);
}
