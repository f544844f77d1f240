using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inburgering.IntegrationTests.Infrastructure;

/// <summary>
/// An S3-compatible object store on loopback, speaking the part of the S3 REST protocol the product uses (path-style
/// PutObject, GetObject, DeleteObject): requests must be signed (AWS Signature Version 4) with the configured access
/// key, the payload hash the client signs must match the bytes, and errors come back as S3's XML.
/// </summary>
public sealed class S3TestServer : IAsyncDisposable
{
    public const string AccessKey = "testsleutel";
    public const string SecretKey = "testgeheim-0123456789";
    public const string Bucket = "inburgering-test";

    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    private S3TestServer(Microsoft.AspNetCore.Builder.WebApplication app, Uri adres) => (_app, Adres) = (app, adres);

    public Uri Adres { get; }

    public ConcurrentDictionary<string, (byte[] Inhoud, string Type)> Objecten { get; } = new(StringComparer.Ordinal);

    public static async Task<S3TestServer> StartAsync()
    {
        S3TestServer? server = null;
        var (app, adres) = await LokaleServer.StartAsync(app =>
        {
            app.MapPut("/{bucket}/{**sleutel}", async (string bucket, string sleutel, HttpRequest request) =>
            {
                if (Weiger(request, bucket) is { } fout)
                {
                    return fout;
                }

                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                var inhoud = buffer.ToArray();
                var gemeld = request.Headers["x-amz-content-sha256"].ToString();
                if (gemeld.Length == 64 && !string.Equals(gemeld, Convert.ToHexStringLower(SHA256.HashData(inhoud)), StringComparison.Ordinal))
                {
                    return Fout(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
                }

                server!.Objecten[sleutel] = (inhoud, request.ContentType ?? "application/octet-stream");
                return Results.Ok().WithETag(inhoud);
            });
            app.MapGet("/{bucket}/{**sleutel}", (string bucket, string sleutel, HttpRequest request) =>
                Weiger(request, bucket) ?? (server!.Objecten.TryGetValue(sleutel, out var o)
                    ? Results.Bytes(o.Inhoud, o.Type).WithETag(o.Inhoud)
                    : Fout(404, "NoSuchKey", "The specified key does not exist.")));
            app.MapDelete("/{bucket}/{**sleutel}", (string bucket, string sleutel, HttpRequest request) =>
            {
                if (Weiger(request, bucket) is { } fout)
                {
                    return fout;
                }

                server!.Objecten.TryRemove(sleutel, out _);
                return Results.NoContent();
            });
        });
        server = new S3TestServer(app, adres);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static IResult? Weiger(HttpRequest request, string bucket) =>
        !request.Headers.Authorization.ToString().StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/", StringComparison.Ordinal)
            ? Fout(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")
            : bucket != Bucket ? Fout(404, "NoSuchBucket", "The specified bucket does not exist.") : null;

    private static IResult Fout(int status, string code, string bericht) =>
        Results.Content($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{bericht}</Message></Error>", "application/xml", statusCode: status);
}

internal static class S3Antwoorden
{
    // S3 names a simply uploaded object by the MD5 of its bytes: the protocol, not a security measure.
#pragma warning disable CA5351
    public static IResult WithETag(this IResult result, byte[] inhoud) => new MetETag(result, "\"" + Convert.ToHexStringLower(MD5.HashData(inhoud)) + "\"");
#pragma warning restore CA5351

    private sealed class MetETag(IResult binnen, string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            return binnen.ExecuteAsync(httpContext);
        }
    }
}
