using Amazon.S3;
using Amazon.S3.Model;
using Inburgering.Modules.Dossiers.Domain;
using Inburgering.Modules.Dossiers.Features.Werkplaats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inburgering.Modules.Dossiers.Features.Bestanden;

/// <summary>Documents: where their bytes are kept, and how large one may be. Configured under "Bestanden".</summary>
internal sealed class BestandenOptions
{
    public const string Postgres = "postgres";
    public const string S3 = "s3";

    /// <summary>postgres (the default: in the database, with the dossier's backups) or s3.</summary>
    public string Opslag { get; set; } = Postgres;

    public int MaxMegabytes { get; set; } = 20;

    public S3Options S3Opslag { get; set; } = new();

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}

internal sealed class S3Options
{
    /// <summary>The endpoint of an S3-compatible store (MinIO, Ceph, a cloud provider); path-style addressing.</summary>
    public string? ServiceUrl { get; set; }

    public string Bucket { get; set; } = "inburgering-documenten";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string Regio { get; set; } = "eu-west-1";
}

/// <summary>Where a document's bytes live. The row (<see cref="DossierBestand"/>) is always in PostgreSQL.</summary>
internal interface IBestandsopslag
{
    string Naam { get; }

    /// <summary>Keeps the bytes; in PostgreSQL in the same transaction as the row, in S3 before the row is written.</summary>
    Task BewaarAsync(DossierBestand bestand, byte[] inhoud, CancellationToken ct);

    Task<byte[]> LeesAsync(DossierBestand bestand, CancellationToken ct);

    /// <summary>Removes bytes whose row was never written (a failed save).</summary>
    Task VergeetAsync(DossierBestand bestand, CancellationToken ct);

    /// <summary>
    /// Before a dossier is deleted or anonymised: removes the bytes the database function cannot reach. Their rows go
    /// with the dossier's other rows in the database's own transaction.
    /// </summary>
    Task VergeetVanDossierAsync(Guid dossierId, CancellationToken ct);
}

internal sealed class PostgresBestandsopslag(DossierWerkplaats werkplaats) : IBestandsopslag
{
    public string Naam => BestandenOptions.Postgres;

    public Task BewaarAsync(DossierBestand bestand, byte[] inhoud, CancellationToken ct)
    {
        werkplaats.VoegToe(new BestandInhoud(bestand.Id, bestand.DossierId, inhoud));
        return Task.CompletedTask;
    }

    public async Task<byte[]> LeesAsync(DossierBestand bestand, CancellationToken ct) =>
        await werkplaats.Lees.BestandInhoud.Where(i => i.BestandId == bestand.Id).Select(i => i.Inhoud).SingleAsync(ct);

    public Task VergeetAsync(DossierBestand bestand, CancellationToken ct) => Task.CompletedTask;

    public Task VergeetVanDossierAsync(Guid dossierId, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>One client for the process: it holds the connection pool.</summary>
internal sealed class S3Verbinding(IOptions<BestandenOptions> options) : IDisposable
{
    public AmazonS3Client Client { get; } = Maak(options.Value.S3Opslag);

    public string Bucket => options.Value.S3Opslag.Bucket;

    public void Dispose() => Client.Dispose();

    private static AmazonS3Client Maak(S3Options s3) => new(s3.AccessKey, s3.SecretKey, new AmazonS3Config
    {
        ServiceURL = s3.ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = s3.Regio,
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    });
}

/// <summary>Each gemeente's documents under its own prefix: &lt;gemeente&gt;/&lt;dossier&gt;/&lt;document&gt;.</summary>
internal sealed class S3Bestandsopslag(S3Verbinding s3, DossierWerkplaats werkplaats) : IBestandsopslag
{
    public string Naam => BestandenOptions.S3;

    public async Task BewaarAsync(DossierBestand bestand, byte[] inhoud, CancellationToken ct)
    {
        using var stroom = new MemoryStream(inhoud, writable: false);
        await s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = s3.Bucket, Key = Sleutel(bestand), InputStream = stroom, ContentType = bestand.ContentType, UseChunkEncoding = false,
        }, ct);
    }

    public async Task<byte[]> LeesAsync(DossierBestand bestand, CancellationToken ct)
    {
        using var antwoord = await s3.Client.GetObjectAsync(s3.Bucket, Sleutel(bestand), ct);
        using var kopie = new MemoryStream();
        await antwoord.ResponseStream.CopyToAsync(kopie, ct);
        return kopie.ToArray();
    }

    public async Task VergeetAsync(DossierBestand bestand, CancellationToken ct) => await s3.Client.DeleteObjectAsync(s3.Bucket, Sleutel(bestand), ct);

    public async Task VergeetVanDossierAsync(Guid dossierId, CancellationToken ct)
    {
        foreach (var bestand in await werkplaats.Lees.Bestanden.Where(b => b.DossierId == dossierId && b.Opslag == BestandenOptions.S3).ToListAsync(ct))
        {
            await VergeetAsync(bestand, ct);
        }
    }

    private string Sleutel(DossierBestand b) => $"{werkplaats.Gemeente:N}/{b.DossierId:N}/{b.Id:N}";
}
