using System.Globalization;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// The one way every test project makes a person at the koppeling: a valid, unique person with sensible defaults,
/// as the input record the API and the koppeling page take (<see cref="Invoer"/>), or as the domain object for rules
/// without a database (<see cref="Domein"/>). Change only what the test is about.
/// </summary>
internal sealed record DossierBouwer(DateOnly Koppelingsdatum)
{
    private static int _volgnummer = Random.Shared.Next(1_000_000, 9_000_000);

    public string VNummer { get; init; } = NieuwVNummer();

    public string? Bsn { get; init; }

    public string Voornamen { get; init; } = "Amal";

    public string Achternaam { get; init; } = "Haddad";

    public DateOnly Geboortedatum { get; init; } = new(1990, 3, 14);

    public string Geslacht { get; init; } = "vrouw";

    public string LandVanHerkomst { get; init; } = "Syrië";

    public IReadOnlyList<string> Talen { get; init; } = ["Arabisch", "Engels"];

    public int HuishoudenGrootte { get; init; } = 3;

    public DateOnly? Vergunningdatum { get; init; }

    public Guid? CoaLocatieId { get; init; }

    public Guid? KlantregisseurId { get; init; }

    public Guid? HuishoudenVan { get; init; }

    /// <summary>Ten days before the koppeling unless the test says otherwise.</summary>
    public DateOnly Vergunning => Vergunningdatum ?? Koppelingsdatum.AddDays(-10);

    public string Naam => $"{Voornamen} {Achternaam}";

    /// <summary>A V-nummer no other test has used in this run.</summary>
    public static string NieuwVNummer() => "10" + Interlocked.Increment(ref _volgnummer).ToString("D8", CultureInfo.InvariantCulture);

    public NieuwDossier Invoer() => new(VNummer, Bsn, Voornamen, Achternaam, Geboortedatum, Geslacht, LandVanHerkomst, Talen, null, HuishoudenGrootte,
        HuishoudenVan, Vergunning, Koppelingsdatum, CoaLocatieId, KlantregisseurId);

    public Dossier Domein(DateTimeOffset nu) => new(Guid.CreateVersion7(nu), VNummer, Bsn,
        new Persoon(Voornamen, Achternaam, Geboortedatum, Woorden.TryLees<Modules.Dossiers.Domain.Geslacht>(Geslacht, out var geslacht) ? geslacht : default, LandVanHerkomst, [.. Talen]),
        Doelgroep.Asielstatushouder, Guid.CreateVersion7(nu), HuishoudenGrootte, Vergunning, Koppelingsdatum, CoaLocatieId, KlantregisseurId, nu);
}
