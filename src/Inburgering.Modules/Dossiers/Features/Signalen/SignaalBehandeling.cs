using System.Security.Claims;
using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inburgering.Modules.Dossiers.Features.Signalen;

/// <summary>
/// Acknowledge and snooze, for the API and the dossier page alike: a signal is found only through a dossier the caller may
/// see, a resolved one is left alone, and every step lands in the signal's history.
/// </summary>
internal sealed class SignaalBehandeling(DossierWerkplaats werkplaats, DossierLezer lezer, IPermissionChecker rechten) : ISignaalBehandeling
{
    public async Task<(Signaal Signaal, Dossier Dossier)> ErkenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await MagBehandelenAsync(user, ct);
        var (signaal, dossier) = await LaadAsync(user, id, ct, bewerken: true);
        var actor = DossierWerkplaats.ActorVan(user);
        signaal.Erken(actor.Naam, werkplaats.Nu);
        werkplaats.VoegToe(new SignaalGebeurtenis(signaal.Id, signaal.DossierId, SignaalGebeurtenis.Erkend, werkplaats.Nu, actor.Naam, null, null, signaal.Ernst));
        await werkplaats.SlaOpAsync(ct);
        return (signaal, dossier);
    }

    public async Task<(Signaal Signaal, Dossier Dossier)> SnoozeAsync(ClaimsPrincipal user, Guid id, DateOnly? tot, string? reden, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? onleesbaar = null)
    {
        await MagBehandelenAsync(user, ct);
        var check = new Invoer(DossierFouten.Validatie, onleesbaar);
        var vandaag = werkplaats.Vandaag;
        var datum = check.Verplicht(tot, "tot");
        if (tot is not null && (datum <= vandaag || datum > vandaag.AddDays(180)))
        {
            check.Fout("tot", "Kies een datum vanaf morgen tot hoogstens 180 dagen vooruit.");
        }

        var waarom = check.Tekst(reden, "reden", verplicht: true, max: 500);
        check.Klaar();
        var (signaal, dossier) = await LaadAsync(user, id, ct, bewerken: true);
        var actor = DossierWerkplaats.ActorVan(user);
        signaal.Snooze(datum, waarom!);
        werkplaats.VoegToe(new SignaalGebeurtenis(signaal.Id, signaal.DossierId, SignaalGebeurtenis.Gesnoozed, werkplaats.Nu, actor.Naam, waarom, datum, signaal.Ernst));
        await werkplaats.SlaOpAsync(ct);
        return (signaal, dossier);
    }

    public async Task<(Signaal Signaal, Dossier Dossier)> LaadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct, bool bewerken = false)
    {
        _ = werkplaats.Gemeente;
        var signalen = bewerken ? werkplaats.SignalenVoorWijziging : werkplaats.Lees.Signalen;
        var signaal = await signalen.SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new DomainException(SignaalFouten.NietGevonden, "Dit signaal bestaat niet in uw gemeente.", StatusCodes.Status404NotFound);
        var dossier = await lezer.LaadAsync(user, signaal.DossierId, ct, alleenLezen: true);
        if (bewerken && signaal.OpgelostOp is not null)
        {
            throw new DomainException(SignaalFouten.AlOpgelost, "Dit signaal is al opgelost.", StatusCodes.Status409Conflict);
        }

        return (signaal, dossier);
    }

    async Task ISignaalBehandeling.ErkenAsync(ClaimsPrincipal user, Guid signaalId, CancellationToken ct) => await ErkenAsync(user, signaalId, ct);

    async Task ISignaalBehandeling.SnoozeAsync(ClaimsPrincipal user, Guid signaalId, DateOnly? tot, string? reden, IReadOnlyDictionary<string, string[]> onleesbaar, CancellationToken ct) =>
        await SnoozeAsync(user, signaalId, tot, reden, ct, onleesbaar);

    /// <summary>The API checks this at the route; the pages come through here too, so it is checked again.</summary>
    private async Task MagBehandelenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await rechten.HasAsync(user, DossierPermissies.SignalenBehandelen, ct))
        {
            throw new DomainException(DossierFouten.GeenToegang, "U mag signalen niet behandelen.", StatusCodes.Status403Forbidden);
        }
    }
}
