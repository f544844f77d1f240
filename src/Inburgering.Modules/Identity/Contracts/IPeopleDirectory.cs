namespace Inburgering.Modules.Identity.Contracts;

/// <param name="Email">For mail the product sends them (the digest); never shown to others.</param>
public sealed record Medewerker(Guid Id, string Naam, IReadOnlyList<string> Rollen, string? Email = null);

/// <summary>Who works for an organisation: for assigning dossiers and naming actors in a timeline.</summary>
public interface IPeopleDirectory
{
    /// <summary>The person's active membership in <paramref name="organisation"/>, or null.</summary>
    Task<Medewerker?> FindMemberAsync(Guid organisation, Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Medewerker>> MembersAsync(Guid organisation, string? rol, CancellationToken cancellationToken);
}
