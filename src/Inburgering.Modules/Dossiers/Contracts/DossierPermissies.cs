using Inburgering.Platform.Authorization;

namespace Inburgering.Modules.Dossiers.Contracts;

/// <summary>The permissions the Dossiers module checks, with the roles that hold them by default.</summary>
public static class DossierPermissies
{
    public const string Lezen = "Dossiers.Dossier.Lezen";
    public const string Bewerken = "Dossiers.Dossier.Bewerken";
    public const string Toewijzen = "Dossiers.Dossier.Toewijzen";
    public const string GezondheidLezen = "Dossiers.Gezondheid.Lezen";
    public const string OverdrachtBewerken = "Dossiers.Overdracht.Bewerken";
    public const string SignalenLezen = "Dossiers.Signaal.Lezen";
    public const string SignalenBehandelen = "Dossiers.Signaal.Behandelen";
    public const string SignalenEvalueren = "Dossiers.Signaal.Evalueren";

    /// <summary>Everything held about one person, for an inzage request (AVG art. 15); no caseload, no changes.</summary>
    public const string InzageMaken = "Dossiers.Inzage.Maken";

    /// <summary>Restrict a dossier's processing and lift it (AVG art. 18).</summary>
    public const string BeperkingBeheren = "Dossiers.Beperking.Beheren";

    /// <summary>Put a dossier under a legal hold, and lift it: no retention rule touches it meanwhile.</summary>
    public const string BewaarplichtBeheren = "Dossiers.Bewaarplicht.Beheren";

    /// <summary>Ask for a dossier created by mistake to be deleted; a second person decides.</summary>
    public const string VerwijderingAanvragen = "Dossiers.Verwijdering.Aanvragen";

    /// <summary>Decide on a deletion request of someone else (four eyes).</summary>
    public const string VerwijderingBesluiten = "Dossiers.Verwijdering.Besluiten";

    /// <summary>Import koppelingen from a TVS export; every row is still written through <see cref="Bewerken"/>.</summary>
    public const string Importeren = "Dossiers.Import.Uitvoeren";

    /// <summary>Name the columns of the gemeente's TVS export.</summary>
    public const string ImportKolommenBeheren = "Dossiers.Import.Kolommen";

    /// <summary>Set the gemeente's connection to the BRP (endpoint and credentials).</summary>
    public const string BrpBeheren = "Dossiers.Brp.Beheren";

    /// <summary>Look a dossier's person up in the BRP; every lookup is logged.</summary>
    public const string BrpRaadplegen = "Dossiers.Brp.Raadplegen";

    /// <summary>Make and download the quarterly Statistiek Wet Inburgering delivery to CBS.</summary>
    public const string CbsLeveren = "Dossiers.Cbs.Leveren";

    /// <summary>Manage the gemeente's webhook subscriptions and their deliveries.</summary>
    public const string WebhooksBeheren = "Dossiers.Webhooks.Beheren";

    public static IReadOnlyList<Permissie> Alle { get; } =
    [
        new(Lezen, [Roles.Klantregisseur, Roles.Teamleider]),
        new(Bewerken, [Roles.Klantregisseur, Roles.Teamleider]),
        new(Toewijzen, [Roles.Teamleider]),
        new(GezondheidLezen, [Roles.Klantregisseur]),
        new(OverdrachtBewerken, [Roles.CoaCasemanager]),
        new(SignalenLezen, [Roles.Klantregisseur, Roles.Teamleider]),
        new(SignalenBehandelen, [Roles.Klantregisseur, Roles.Teamleider]),
        new(SignalenEvalueren, [Roles.PlatformBeheerder], AlleenPlatform: true),
        new(InzageMaken, [Roles.Privacyfunctionaris]),
        new(BeperkingBeheren, [Roles.Privacyfunctionaris, Roles.Teamleider]),
        new(BewaarplichtBeheren, [Roles.Privacyfunctionaris]),
        new(VerwijderingAanvragen, [Roles.Klantregisseur, Roles.Teamleider]),
        new(VerwijderingBesluiten, [Roles.Teamleider]),
        new(Importeren, [Roles.Klantregisseur, Roles.Teamleider]),
        new(ImportKolommenBeheren, [Roles.FunctioneelBeheerder, Roles.Teamleider]),
        new(BrpBeheren, [Roles.FunctioneelBeheerder]),
        new(BrpRaadplegen, [Roles.Klantregisseur, Roles.Teamleider]),
        new(CbsLeveren, [Roles.Teamleider, Roles.FunctioneelBeheerder]),
        new(WebhooksBeheren, [Roles.FunctioneelBeheerder]),
    ];
}
