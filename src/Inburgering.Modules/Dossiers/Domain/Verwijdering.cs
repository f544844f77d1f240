using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<VerwijderReden>))]
internal enum VerwijderReden
{
    /// <summary>The person already had a dossier in this gemeente.</summary>
    [JsonStringEnumMemberName("dubbel")] Dubbel = 1,

    /// <summary>The dossier was made for the wrong person.</summary>
    [JsonStringEnumMemberName("verkeerde-persoon")] VerkeerdePersoon = 2,

    /// <summary>The person was never coupled to this gemeente.</summary>
    [JsonStringEnumMemberName("verkeerde-gemeente")] VerkeerdeGemeente = 3,

    /// <summary>A test or practice dossier.</summary>
    [JsonStringEnumMemberName("oefening")] Oefening = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<VerwijderStatus>))]
internal enum VerwijderStatus
{
    [JsonStringEnumMemberName("aangevraagd")] Aangevraagd = 1,
    [JsonStringEnumMemberName("uitgevoerd")] Uitgevoerd = 2,
    [JsonStringEnumMemberName("afgewezen")] Afgewezen = 3,
}

/// <summary>
/// A request to delete a dossier created by mistake, decided by a second person. Once carried out it is the minimal
/// record that remains: ids, a reason code, who and when; the note is cleared with the dossier.
/// </summary>
internal sealed class Verwijdering : ITenantOwned
{
    private Verwijdering()
    {
        AangevraagdDoorId = string.Empty;
        AangevraagdDoorNaam = string.Empty;
    }

    public Verwijdering(Guid dossierId, VerwijderReden reden, string? toelichting, Actor actor, DateTimeOffset dossierAangemaaktOp, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        DossierId = dossierId;
        Reden = reden;
        Toelichting = toelichting;
        AangevraagdDoorId = actor.Id;
        AangevraagdDoorNaam = actor.Naam;
        AangevraagdOp = nu;
        DossierAangemaaktOp = dossierAangemaaktOp;
        Status = VerwijderStatus.Aangevraagd;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid DossierId { get; private set; }

    public VerwijderReden Reden { get; private set; }

    /// <summary>Why, in words, while the request is open; never kept after the deletion.</summary>
    public string? Toelichting { get; private set; }

    public string AangevraagdDoorId { get; private set; }

    public string AangevraagdDoorNaam { get; private set; }

    public DateTimeOffset AangevraagdOp { get; private set; }

    public DateTimeOffset DossierAangemaaktOp { get; private set; }

    public VerwijderStatus Status { get; private set; }

    public string? AfgehandeldDoorId { get; private set; }

    public string? AfgehandeldDoorNaam { get; private set; }

    public DateTimeOffset? AfgehandeldOp { get; private set; }

    public void WijsAf(Actor actor, DateTimeOffset nu)
    {
        Status = VerwijderStatus.Afgewezen;
        AfgehandeldDoorId = actor.Id;
        AfgehandeldDoorNaam = actor.Naam;
        AfgehandeldOp = nu;
    }
}
