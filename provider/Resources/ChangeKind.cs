namespace WebexWholesale.Provider.Resources;

public enum ChangeKind
{
    Add,
    Update,
    Delete,
}
