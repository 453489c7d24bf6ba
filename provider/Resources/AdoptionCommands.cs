namespace WebexWholesale.Provider.Resources;

/// <summary>
/// The commands that put a resource Webex already holds under a stack, each on a line of its own with the id at its
/// end and nothing after it, so that copying the line copies a command that runs.
/// </summary>
public static class AdoptionCommands
{
    /// <summary>"To manage it with this stack, import it:" and the command.</summary>
    public static string Import(string typeToken, string name, string id) =>
        $"To manage it with this stack, import it:\n    pulumi import {typeToken} {name} {id}\n";

    /// <summary>Adopting a create that an interrupted `pulumi up` left pending, which only applies where this resource's create could have made it.</summary>
    public static string PendingCreate(string noun, string urn, string id) =>
        $"If an earlier `pulumi up` was interrupted while it created this {noun}, adopt the pending create instead:\n    pulumi refresh --import-pending-creates '{urn}' {id}\n";
}
