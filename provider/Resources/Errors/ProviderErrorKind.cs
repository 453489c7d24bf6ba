namespace WebexWholesale.Provider.Resources.Errors;

/// <summary>
/// Why an operation failed, in terms the engine acts on. Each kind is a definite outcome: the engine treats an
/// unclassified failure as "state unknown", so nothing a user can cause ends up unclassified.
/// </summary>
public enum ProviderErrorKind
{
    /// <summary>The inputs or arguments are wrong; nothing was changed.</summary>
    InvalidInput,

    /// <summary>The operation cannot go ahead as things stand (e.g. the customer exists already); nothing was changed.</summary>
    Conflict,

    /// <summary>The provider has no configuration yet.</summary>
    NotConfigured,

    NotFound,
    Unauthenticated,
    PermissionDenied,

    /// <summary>The service kept refusing for load.</summary>
    RateLimited,

    /// <summary>The service did not answer, or answered with an error of its own.</summary>
    Unavailable,

    /// <summary>The operation ran out of time; the resource is kept as it was.</summary>
    TimedOut,

    /// <summary>The engine cancelled the operation; the resource is kept as it was.</summary>
    Cancelled,
}
