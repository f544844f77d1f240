using Inburgering.Modules.Dossiers.Contracts;
using Inburgering.Platform.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>The gemeente's connection to the BRP: the address of BRP Personen Bevragen and its credentials, which are never shown again.</summary>
[Authorize(Policy = PermissionPolicy.Prefix + DossierPermissies.BrpBeheren)]
public sealed class BrpBeheerModel(IBrpBevraging brp) : BeheerPage
{
    [BindProperty]
    public string? Endpoint { get; set; }

    [BindProperty]
    public string? ApiSleutel { get; set; }

    [BindProperty]
    public IFormFile? Certificaat { get; set; }

    [BindProperty]
    public string? CertificaatWachtwoord { get; set; }

    [BindProperty]
    public string? GemeenteCode { get; set; }

    public BrpAansluitingWeergave Aansluiting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Aansluiting = await brp.AansluitingAsync(User, ct);
        (Endpoint, GemeenteCode) = (Aansluiting.Endpoint, Aansluiting.GemeenteCode);
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        string? certificaat = null;
        if (Certificaat is { Length: > 0 and <= 64 * 1024 })
        {
            using var inhoud = new MemoryStream();
            await Certificaat.CopyToAsync(inhoud, ct);
            certificaat = Convert.ToBase64String(inhoud.ToArray());
        }
        else if (Certificaat is { Length: > 0 })
        {
            certificaat = "te-groot";
        }

        if (await TryAsync(async () => Aansluiting = await brp.BewaarAansluitingAsync(User,
                new BrpAansluitingInvoer(Endpoint, string.IsNullOrEmpty(ApiSleutel) ? null : ApiSleutel, certificaat, CertificaatWachtwoord, GemeenteCode), ct)))
        {
            Melding = "De aansluiting op de BRP is bewaard.";
        }
        else
        {
            Aansluiting = await brp.AansluitingAsync(User, ct);
        }
    }
}
