using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Auditing.Domain;

/// <summary>A stored destruction record (see <see cref="Contracts.Vernietiging"/>); written by SQL only, never changed.</summary>
internal sealed class VernietigingsRegel : ITenantOwned
{
    private VernietigingsRegel()
    {
        Soort = string.Empty;
        Grond = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string Soort { get; private set; }

    public Guid ObjectId { get; private set; }

    public string Grond { get; private set; }
}
