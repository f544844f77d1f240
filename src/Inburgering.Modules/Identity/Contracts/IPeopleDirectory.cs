namespace Inburgering.Modules.Identity.Contracts;

public sealed record Medewerker(Guid Id, string Naam, IReadOnlyList<string> Rollen);

/// <summary>Who works for an organisation: for assigning dossiers and naming actors in a timeline.</summary>
public interface IPeopleDirectory
{
    /// <summary>The person's active membership in <paramref name="organisation"/>, or null.</summary>
    Task<Medewerker?> FindMemberAsync(Guid organisation, Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Medewerker>> MembersAsync(Guid organisation, string? rol, CancellationToken cancellationToken);
}
