using System.Text.Json.Serialization;
using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Dossiers.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ImportStatus>))]
internal enum ImportStatus
{
    /// <summary>Uploaded and checked; waiting for the klantregisseur to start it.</summary>
    [JsonStringEnumMemberName("voorbeeld")] Voorbeeld = 1,
    [JsonStringEnumMemberName("in-wachtrij")] InWachtrij = 2,
    [JsonStringEnumMemberName("bezig")] Bezig = 3,
    [JsonStringEnumMemberName("klaar")] Klaar = 4,
}

[JsonConverter(typeof(JsonStringEnumConverter<ImportUitkomst>))]
internal enum ImportUitkomst
{
    [JsonStringEnumMemberName("nieuw")] Nieuw = 1,
    [JsonStringEnumMemberName("gewijzigd")] Gewijzigd = 2,
    [JsonStringEnumMemberName("ongewijzigd")] Ongewijzigd = 3,
    [JsonStringEnumMemberName("geweigerd")] Geweigerd = 4,
}

/// <summary>
/// One uploaded TVS export of koppelingen. The file is kept only until the import has run (it holds personal data);
/// what stays is the count per outcome and one <see cref="ImportRegel"/> per row.
/// </summary>
internal sealed class KoppelingImport : ITenantOwned
{
    private KoppelingImport()
    {
        Bestandsnaam = Kolommen = Opdrachtgever = DoorId = DoorNaam = string.Empty;
    }

    public KoppelingImport(string bestandsnaam, byte[] inhoud, string kolommen, string opdrachtgever, Actor door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Bestandsnaam = bestandsnaam;
        Inhoud = inhoud;
        Kolommen = kolommen;
        Opdrachtgever = opdrachtgever;
        DoorId = door.Id;
        DoorNaam = door.Naam;
        AangemaaktOp = nu;
        Status = ImportStatus.Voorbeeld;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Bestandsnaam { get; private set; }

    /// <summary>The file as uploaded, until the import has run.</summary>
    public byte[]? Inhoud { get; private set; }

    /// <summary>The column mapping the preview used (JSON): the import reads the file exactly as it was previewed.</summary>
    public string Kolommen { get; private set; }

    /// <summary>Who started it, as the job acts for them (JSON of their claims: ids and roles, no personal data).</summary>
    public string Opdrachtgever { get; private set; }

    public string DoorId { get; private set; }

    public string DoorNaam { get; private set; }

    public ImportStatus Status { get; private set; }

    public int Rijen { get; private set; }

    public int Verwerkt { get; private set; }

    public int Nieuw { get; private set; }

    public int Gewijzigd { get; private set; }

    public int Ongewijzigd { get; private set; }

    public int Geweigerd { get; private set; }

    public DateTimeOffset AangemaaktOp { get; private set; }

    public DateTimeOffset? GestartOp { get; private set; }

    public DateTimeOffset? KlaarOp { get; private set; }

    /// <summary>After each row the person is looked up in the BRP and the registration date taken over.</summary>
    public bool MetBrp { get; private set; }

    public void Bekeken(int rijen, int nieuw, int gewijzigd, int ongewijzigd, int geweigerd) =>
        (Rijen, Nieuw, Gewijzigd, Ongewijzigd, Geweigerd) = (rijen, nieuw, gewijzigd, ongewijzigd, geweigerd);

    public void Start(DateTimeOffset nu, bool metBrp)
    {
        MetBrp = metBrp;
        Status = ImportStatus.InWachtrij;
        GestartOp = nu;
        (Nieuw, Gewijzigd, Ongewijzigd, Geweigerd, Verwerkt) = (0, 0, 0, 0, 0);
    }

    public void Bezig() => Status = ImportStatus.Bezig;

    public void Tel(ImportUitkomst uitkomst)
    {
        Verwerkt++;
        _ = uitkomst switch
        {
            ImportUitkomst.Nieuw => ++Nieuw,
            ImportUitkomst.Gewijzigd => ++Gewijzigd,
            ImportUitkomst.Ongewijzigd => ++Ongewijzigd,
            _ => ++Geweigerd,
        };
    }

    public void Afgerond(DateTimeOffset nu)
    {
        Status = ImportStatus.Klaar;
        KlaarOp = nu;
        Inhoud = null;
    }
}

/// <summary>What the import did with one row: kept after the file is gone, so the result can be downloaded and a restart resumes.</summary>
internal sealed class ImportRegel : ITenantOwned
{
    private ImportRegel()
    {
        Fouten = "[]";
    }

    public ImportRegel(Guid importId, int rij, string? vNummer, string? huishouden, Guid? dossierId, ImportUitkomst uitkomst, string fouten, DateTimeOffset nu)
    {
        ImportId = importId;
        Rij = rij;
        VNummer = vNummer;
        Huishouden = huishouden;
        DossierId = dossierId;
        Uitkomst = uitkomst;
        Fouten = fouten;
        VerwerktOp = nu;
    }

    public Guid ImportId { get; private set; }

    public int Rij { get; private set; }

    public Guid TenantId { get; private set; }

    public string? VNummer { get; private set; }

    /// <summary>TVS's household number: a later file's member joins the household the earlier one started.</summary>
    public string? Huishouden { get; private set; }

    public Guid? DossierId { get; private set; }

    public ImportUitkomst Uitkomst { get; private set; }

    /// <summary>JSON list of {veld, reden}.</summary>
    public string Fouten { get; private set; }

    public DateTimeOffset VerwerktOp { get; private set; }

    /// <summary>What the BRP lookup after the row did: overgenomen, gelijk, in-onderzoek, niet-gevonden, niet-beschikbaar, geen-bsn or geweigerd.</summary>
    public string? Brp { get; private set; }

    public void BrpUitkomst(string uitkomst) => Brp = uitkomst.Length > 200 ? uitkomst[..200] : uitkomst;
}

/// <summary>A gemeente's names for the columns of its TVS export (JSON: field → column heading).</summary>
internal sealed class Kolomindeling : ITenantOwned
{
    private Kolomindeling()
    {
        Kolommen = GewijzigdDoor = string.Empty;
    }

    public Kolomindeling(string kolommen, string door, DateTimeOffset nu)
    {
        Id = Guid.CreateVersion7(nu);
        Kolommen = kolommen;
        GewijzigdDoor = door;
        GewijzigdOp = nu;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Kolommen { get; private set; }

    public string GewijzigdDoor { get; private set; }

    public DateTimeOffset GewijzigdOp { get; private set; }

    public void Werkbij(string kolommen, string door, DateTimeOffset nu) => (Kolommen, GewijzigdDoor, GewijzigdOp) = (kolommen, door, nu);
}
