using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>A made delivery of one quarter, kept as made so the download is exactly that file.</summary>
internal sealed class CbsLevering : ITenantOwned
{
    private CbsLevering()
    {
        Kwartaal = Sha256 = GemaaktDoor = string.Empty;
        Inhoud = [];
    }

    public CbsLevering(string kwartaal, int versie, byte[] inhoud, int rijen, string door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Kwartaal = kwartaal;
        Versie = versie;
        Inhoud = inhoud;
        Rijen = rijen;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(inhoud));
        GemaaktDoor = door;
        GemaaktOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Kwartaal { get; private set; }

    public int Versie { get; private set; }

    public byte[] Inhoud { get; private set; }

    public int Rijen { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset GemaaktOp { get; private set; }

    public string GemaaktDoor { get; private set; }

    public DateTimeOffset? GedownloadOp { get; private set; }

    public string? GedownloadDoor { get; private set; }

    public void Gedownload(string door, DateTimeOffset nu) => (GedownloadDoor, GedownloadOp) = (door, nu);
}
