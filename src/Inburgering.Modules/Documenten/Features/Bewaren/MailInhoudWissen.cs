using Inburgering.Modules.Auditing.Contracts;
using Inburgering.Modules.Documenten.Data;
using Inburgering.Modules.Tenancy.Contracts;
using Inburgering.Platform.Bewaren;
using Inburgering.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inburgering.Modules.Documenten.Features.Bewaren;

/// <summary>
/// A sent mail's body names the people in a klantregisseur's caseload; once sent it is kept only for a short period,
/// then emptied. The row itself stays: it is what keeps a mail from being sent twice.
/// </summary>
internal sealed class MailInhoudWissen(DocumentenDbContext db, IBeleidsregels regels, IVernietigingsregister register, ICurrentTenant tenant, TimeProvider time)
    : IBewaarstap
{
    public const string Sleutel = "bewaren.mail-na-verzending";
    public const string Soort = "mailinhoud-wissen";

    public static BeleidsparameterDefinitie Norm { get; } = BeleidsparameterDefinitie.Dagen(Sleutel, 30,
        "Zoveel dagen na verzending wordt de inhoud van een verstuurde e-mail gewist; dat de mail verstuurd is, blijft bekend.", "Productstandaard; AVG art. 5 lid 1 sub e");

    public async Task<IReadOnlyList<TeVernietigen>> PlanAsync(DateOnly vandaag, CancellationToken ct)
    {
        var (dagen, grens) = await GrensAsync(vandaag, ct);
        var rijen = await Kandidaten(grens).Select(m => new { m.Id, m.VerzondenOp }).ToListAsync(ct);
        return [.. rijen.Select(r => new TeVernietigen(Soort, r.Id, $"Verzonden op {Platform.Tijd.Kalender.Lokaal(r.VerzondenOp!.Value):yyyy-MM-dd}; bewaartermijn {dagen} dagen"))];
    }

    public async Task<bool> VoerUitAsync(TeVernietigen item, DateOnly vandaag, CancellationToken ct)
    {
        var (_, grens) = await GrensAsync(vandaag, ct);
        var mail = await Kandidaten(grens).AsTracking().SingleOrDefaultAsync(m => m.Id == item.ObjectId, ct);
        if (mail is null)
        {
            return false;
        }

        mail.WisInhoud();
        await using var transactie = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await register.SchrijfInTransactieAsync(db.Database.GetDbConnection(), transactie.GetDbTransaction(), tenant.Vereis("Een bewaartermijn"),
            new Vernietiging(Soort, mail.Id, item.Grond, time.GetUtcNow()), ct);
        await transactie.CommitAsync(ct);
        return true;
    }

    private async Task<(int Dagen, DateTimeOffset Grens)> GrensAsync(DateOnly vandaag, CancellationToken ct)
    {
        var dagen = (await regels.VanGemeenteAsync(ct)).Waarde(Sleutel, vandaag);
        return (dagen, Platform.Tijd.Kalender.BeginVan(vandaag.AddDays(-dagen)));
    }

    private IQueryable<Domain.UitgaandeMail> Kandidaten(DateTimeOffset grens) =>
        db.UitgaandeMail.AsNoTracking().Where(m => m.VerzondenOp != null && m.VerzondenOp < grens && m.Html != string.Empty);
}
