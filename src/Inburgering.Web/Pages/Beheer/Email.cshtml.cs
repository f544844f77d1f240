using Inburgering.Modules.Documenten.Contracts;
using Inburgering.Modules.Identity.Contracts;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>The gemeente's e-mail: when the morning e-mail goes, and its own mail server or the platform's.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + TenancyPermissies.InstellingenBeheren)]
public sealed class EmailBeheerModel(IMailInstellingen mail) : BeheerPage
{
    public IReadOnlyList<string> Tijden { get; private set; } = [];

    public SmtpWeergave Smtp { get; private set; } = null!;

    [BindProperty]
    public string? Tijd { get; set; }

    [BindProperty]
    public string? Host { get; set; }

    [BindProperty]
    public int? Poort { get; set; }

    [BindProperty]
    public string? Beveiliging { get; set; }

    [BindProperty]
    public string? Gebruikersnaam { get; set; }

    [BindProperty]
    public string? Wachtwoord { get; set; }

    [BindProperty]
    public string? Afzender { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LaadAsync(ct);
        (Host, Poort, Beveiliging, Gebruikersnaam, Afzender) = (Smtp.Host, Smtp.Poort ?? 587, Smtp.Beveiliging ?? "StartTls", Smtp.Gebruikersnaam, Smtp.Afzender);
        Melding = TempData["melding"] as string;
    }

    public async Task<IActionResult> OnPostTijdAsync(CancellationToken ct)
    {
        if (await TryAsync(() => mail.ZetDigestTijdAsync(Tijd, ct)))
        {
            TempData["melding"] = "De tijd van de dagelijkse e-mail is opgeslagen.";
            return Redirect("/beheer/e-mail");
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnPostServerAsync(CancellationToken ct)
    {
        if (await TryAsync(() => mail.ZetSmtpAsync(new SmtpInvoer(Host, Poort, Beveiliging, Gebruikersnaam, Afzender, Wachtwoord), ct)))
        {
            TempData["melding"] = "De mailserver van uw gemeente is opgeslagen.";
            return Redirect("/beheer/e-mail");
        }

        return await OpnieuwAsync(ct);
    }

    public async Task<IActionResult> OnPostPlatformAsync(CancellationToken ct)
    {
        await mail.VerwijderSmtpAsync(ct);
        TempData["melding"] = "De e-mail gaat weer via de mailserver van het platform.";
        return Redirect("/beheer/e-mail");
    }

    private async Task<IActionResult> OpnieuwAsync(CancellationToken ct)
    {
        var gekozen = Tijd;
        await LaadAsync(ct);
        Tijd = gekozen ?? Tijd;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LaadAsync(CancellationToken ct)
    {
        (var tijd, Tijden) = await mail.DigestTijdAsync(ct);
        Tijd = tijd;
        Smtp = await mail.SmtpAsync(ct);
    }
}
