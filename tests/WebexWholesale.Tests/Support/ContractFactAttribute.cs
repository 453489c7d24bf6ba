namespace WebexWholesale.Tests.Support;

/// <summary>A fact that needs <c>../shared/contracts</c>: reported as skipped, with the reason, where it is absent.</summary>
public sealed class ContractFactAttribute : FactAttribute
{
    public ContractFactAttribute()
    {
        if (!RepositoryPaths.ContractsPresent)
        {
            Skip = RepositoryPaths.ContractsMissing;
        }
    }
}

/// <summary>A theory that needs <c>../shared/contracts</c>: reported as skipped, with the reason, where it is absent.</summary>
public sealed class ContractTheoryAttribute : TheoryAttribute
{
    public ContractTheoryAttribute()
    {
        if (!RepositoryPaths.ContractsPresent)
        {
            Skip = RepositoryPaths.ContractsMissing;
        }
    }
}
