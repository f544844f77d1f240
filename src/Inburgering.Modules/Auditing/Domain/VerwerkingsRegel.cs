using Inburgering.Platform.Tenancy;

namespace Inburgering.Modules.Auditing.Domain;

/// <summary>
/// A stored entry of the processing log: one per data subject (see <see cref="Contracts.Verwerking"/>). Written by SQL
/// only; the database numbers it within its gemeente and chains it to the previous entry by a hash.
/// </summary>
internal sealed class VerwerkingsRegel : ITenantOwned
{
    private VerwerkingsRegel()
    {
        ActorId = string.Empty;
        Handeling = string.Empty;
        Onderdeel = string.Empty;
        Activiteit = string.Empty;
        Hash = [];
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Position in the gemeente's chain, from 1 without gaps.</summary>
    public long Volgnummer { get; private set; }

    public DateTimeOffset Tijdstip { get; private set; }

    public string ActorId { get; private set; }

    public Guid OrganisatieId { get; private set; }

    public string Handeling { get; private set; }

    public string Onderdeel { get; private set; }

    public string Activiteit { get; private set; }

    /// <summary>The data subject.</summary>
    public Guid DossierId { get; private set; }

    /// <summary>W3C trace of the request or job that processed the data.</summary>
    public string? TraceId { get; private set; }

    public string? SpanId { get; private set; }

    /// <summary>The caller's span when the request carried a traceparent: the foreign operation.</summary>
    public string? ExterneSpanId { get; private set; }

    public byte[]? VorigeHash { get; private set; }

    public byte[] Hash { get; private set; }
}
