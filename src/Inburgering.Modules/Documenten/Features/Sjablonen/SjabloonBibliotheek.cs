using System.Security.Claims;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Documenten.Domain;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Inburgering.Platform.Errors;
using Inburgering.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inburgering.Modules.Documenten.Features.Sjablonen;

/// <summary>The templates of the current gemeente: the default, or its own latest version; versions are never changed or removed.</summary>
internal sealed class SjabloonBibliotheek(DocumentenDbContext db, ITenantSettings instellingen, ICurrentTenant tenant, TimeProvider time) : ISjabloonBeheer
{
    public const string DigestSleutel = "signalen-digest";
    public const string VierOgenPrefix = "documenten.vier-ogen.";

    public static IReadOnlyDictionary<string, string> Titels { get; } = new Dictionary<string, string>
    {
        ["uitnodiging-kennismakingsgesprek"] = "Uitnodiging kennismakingsgesprek",
        ["uitnodiging-afspraak"] = "Uitnodiging voor een afspraak",
        ["verlengingsverklaring"] = "Verlengingsverklaring",
        ["bevestiging-scenario"] = "Bevestiging scenario",
        ["pip-beschikking"] = "PIP-beschikking",
        ["overdracht-samenvatting"] = "Samenvatting warme overdracht",
        [DigestSleutel] = "Dagelijkse e-mail: signalen en afspraken",
    };

    /// <summary>The PIP is a beschikking: by default a second colleague approves it before it counts as sent.</summary>
    public static string StandaardVierOgen(string sleutel) => sleutel == "pip-beschikking" ? "aan" : "uit";

    public static void ControleerSleutel(string sleutel)
    {
        if (!Titels.ContainsKey(sleutel))
        {
            throw new DomainException(DocumentenFouten.SjabloonOnbekend, $"Er is geen sjabloon '{sleutel}'.", StatusCodes.Status404NotFound);
        }
    }

    /// <summary>The text in use for this gemeente and its version number (0: the default).</summary>
    public async Task<(string Tekst, int Versie)> HuidigAsync(string sleutel, CancellationToken ct)
    {
        ControleerSleutel(sleutel);
        var laatste = await db.SjabloonVersies.AsNoTracking().Where(v => v.Sleutel == sleutel).OrderByDescending(v => v.Nummer).FirstOrDefaultAsync(ct);
        return laatste?.Tekst is { } tekst ? (tekst, laatste.Nummer) : (SjabloonRenderer.StandaardTekst(sleutel), 0);
    }

    public async Task<bool> VierOgenAsync(string sleutel, CancellationToken ct) =>
        (await instellingen.GetAsync(VierOgenPrefix + sleutel, ct) ?? StandaardVierOgen(sleutel)) == "aan";

    public async Task<IReadOnlyList<SjabloonOverzicht>> OverzichtAsync(CancellationToken ct)
    {
        Gemeente();
        var laatste = await db.SjabloonVersies.AsNoTracking().GroupBy(v => v.Sleutel)
            .Select(g => g.OrderByDescending(v => v.Nummer).First()).ToListAsync(ct);
        var lijst = new List<SjabloonOverzicht>();
        foreach (var (sleutel, titel) in Titels)
        {
            var versie = laatste.SingleOrDefault(v => v.Sleutel == sleutel);
            lijst.Add(new SjabloonOverzicht(sleutel, titel, versie?.Tekst is null ? 0 : versie.Nummer, versie?.Tekst is not null,
                sleutel != DigestSleutel && await VierOgenAsync(sleutel, ct), versie?.GemaaktOp, versie?.GemaaktDoorNaam));
        }

        return lijst;
    }

    public async Task<SjabloonDetail> DetailAsync(string sleutel, CancellationToken ct)
    {
        Gemeente();
        ControleerSleutel(sleutel);
        var versies = await db.SjabloonVersies.AsNoTracking().Where(v => v.Sleutel == sleutel).OrderByDescending(v => v.Nummer).ToListAsync(ct);
        var standaard = SjabloonRenderer.StandaardTekst(sleutel);
        var huidig = versies.FirstOrDefault();
        var tekst = huidig?.Tekst ?? standaard;
        return new SjabloonDetail(sleutel, Titels[sleutel], tekst, standaard, huidig?.Tekst is null ? 0 : huidig.Nummer, huidig?.Tekst is not null,
            sleutel != DigestSleutel && await VierOgenAsync(sleutel, ct),
            [.. versies.Select(v => new SjabloonVersieRegel(v.Nummer, v.Tekst is null, v.Toelichting, v.GemaaktDoorNaam, v.GemaaktOp))],
            Verschil(standaard, tekst));
    }

    /// <summary>Line by line: what the gemeente's text adds to and removes from the default.</summary>
    public static IReadOnlyList<VerschilRegel> Verschil(string standaard, string tekst) =>
        [.. InlineDiffBuilder.Diff(standaard.ReplaceLineEndings("\n"), tekst.ReplaceLineEndings("\n")).Lines.Select(r => new VerschilRegel(r.Type switch
        {
            ChangeType.Inserted => "toegevoegd",
            ChangeType.Deleted => "verwijderd",
            _ => "gelijk",
        }, r.Text))];

    public async Task<SjabloonDetail> BewaarAsync(ClaimsPrincipal user, string sleutel, string? tekst, string? toelichting, CancellationToken ct)
    {
        Gemeente();
        ControleerSleutel(sleutel);
        var fouten = new Invoer(DocumentenFouten.Validation);
        if (toelichting?.Length > 500)
        {
            fouten.Fout("toelichting", "Houd de toelichting onder 500 tekens.");
        }

        ValidationFailedException? sjabloonFout = null;
        try
        {
            Proef(tekst);
        }
        catch (ValidationFailedException fout)
        {
            sjabloonFout = fout;
            foreach (var (veld, berichten) in fout.Errors)
            {
                foreach (var bericht in berichten)
                {
                    fouten.Fout(veld, bericht);
                }
            }
        }

        // The template's own code (syntax, limit, unsafe markup) says most; every invalid field is listed either way.
        fouten.Klaar(sjabloonFout?.Code ?? DocumentenFouten.Validation);

        if ((await HuidigAsync(sleutel, ct)).Tekst == tekst)
        {
            return await DetailAsync(sleutel, ct);
        }

        await VoegVersieToeAsync(user, sleutel, tekst, string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim(), ct);
        return await DetailAsync(sleutel, ct);
    }

    public async Task<SjabloonDetail> HerstelAsync(ClaimsPrincipal user, string sleutel, CancellationToken ct)
    {
        Gemeente();
        if ((await HuidigAsync(sleutel, ct)).Versie != 0)
        {
            await VoegVersieToeAsync(user, sleutel, null, "Terug naar het standaardsjabloon", ct);
        }

        return await DetailAsync(sleutel, ct);
    }

    private async Task VoegVersieToeAsync(ClaimsPrincipal user, string sleutel, string? tekst, string? toelichting, CancellationToken ct)
    {
        var nummer = (await db.SjabloonVersies.Where(v => v.Sleutel == sleutel).MaxAsync(v => (int?)v.Nummer, ct) ?? 0) + 1;
        db.SjabloonVersies.Add(new SjabloonVersie(sleutel, nummer, tekst, toelichting, Wie.Van(user), time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException("Documenten:VersieBestaatAl", "Iemand anders heeft dit sjabloon net gewijzigd. Laad het opnieuw en probeer het nog eens.", StatusCodes.Status409Conflict);
        }
    }

    public SjabloonProef Proef(string? tekst)
    {
        if (string.IsNullOrWhiteSpace(tekst) || tekst.Length > 100_000)
        {
            throw Invoer.Afgewezen(DocumentenFouten.Validation, "tekst", ["Geef een sjabloon van hoogstens 100.000 tekens."]);
        }

        try
        {
            var (volledig, schaars) = (SjabloonRenderer.Render(tekst, Voorbeelden.Volledig()), SjabloonRenderer.Render(tekst, Voorbeelden.Schaars()));
            return new SjabloonProef(volledig, schaars)
            {
                VolledigPagina = Brieven.BriefOpmaak.Document("Voorbeeld", volledig),
                SchaarsPagina = Brieven.BriefOpmaak.Document("Voorbeeld", schaars),
            };
        }
        catch (SjabloonFout fout)
        {
            throw Invoer.Afgewezen(fout.Code, "tekst", [fout.Message]);
        }
    }

    public async Task ZetVierOgenAsync(string sleutel, bool aan, CancellationToken ct)
    {
        Gemeente();
        ControleerSleutel(sleutel);
        if (sleutel == DigestSleutel)
        {
            throw new DomainException(DocumentenFouten.SjabloonOnbekend, "De dagelijkse e-mail is geen brief; vier ogen gelden alleen voor brieven.", StatusCodes.Status404NotFound);
        }

        await instellingen.SetAsync(VierOgenPrefix + sleutel, aan ? "aan" : "uit", ct);
    }

    public async Task<Contracts.Briefhoofd> BriefhoofdAsync(CancellationToken ct)
    {
        Gemeente();
        var hoofd = await db.Briefhoofden.AsNoTracking().SingleOrDefaultAsync(ct);
        return new Contracts.Briefhoofd(hoofd?.Adres, hoofd?.Telefoon);
    }

    public async Task<Contracts.Briefhoofd> ZetBriefhoofdAsync(Contracts.Briefhoofd briefhoofd, CancellationToken ct)
    {
        Gemeente();
        var adres = string.IsNullOrWhiteSpace(briefhoofd.Adres) ? null : briefhoofd.Adres.Trim();
        var telefoon = string.IsNullOrWhiteSpace(briefhoofd.Telefoon) ? null : briefhoofd.Telefoon.Trim();
        var fouten = new Invoer(DocumentenFouten.Validation);
        if (adres?.Length > 300)
        {
            fouten.Fout("adres", "Houd het adres onder 300 tekens.");
        }

        if (telefoon is not null && (telefoon.Length > 40 || !telefoon.All(c => char.IsDigit(c) || c is ' ' or '-' or '+' or '(' or ')')))
        {
            fouten.Fout("telefoon", "Geef een telefoonnummer met alleen cijfers, spaties, +, - en haakjes.");
        }

        fouten.Klaar();

        var hoofd = await db.Briefhoofden.SingleOrDefaultAsync(ct);
        if (hoofd is null)
        {
            db.Briefhoofden.Add(new Domain.Briefhoofd(adres, telefoon, time.GetUtcNow()));
        }
        else
        {
            hoofd.Wijzig(adres, telefoon, time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        return new Contracts.Briefhoofd(adres, telefoon);
    }

    private void Gemeente() => tenant.Vereis("Sjablonen");
}

/// <summary>Who acts, as stored with a version or a letter.</summary>
internal static class Wie
{
    public static (string Id, string Naam) Van(ClaimsPrincipal user) => HandelendePartij.Van(user) is var partij ? (partij.Id, partij.Naam) : default;
}
