using Inburgering.Modules.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>
/// RFC 6238 TOTP (30 s, 6 digits, one step of clock drift either way) that accepts each time step once:
/// a code seen over a shoulder or replayed from a log cannot be used again.
/// </summary>
internal sealed class ReplayProtectedTotpProvider(TimeProvider time) : IUserTwoFactorTokenProvider<User>
{
    public const string Name = "Totp";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        Task.FromResult(user.TwoFactorEnabled);

    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) =>
        throw new InvalidOperationException("Authenticator codes come from the person's app, never from the server.");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var step = MatchingStep(key, token, time.GetUtcNow());
        if (step is null || step <= user.LaatsteTotpStap)
        {
            return false;
        }

        user.LaatsteTotpStap = step.Value;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    internal static long? MatchingStep(string? base32Key, string code, DateTimeOffset now)
    {
        code = code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(base32Key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    internal static string CodeAt(string base32Key, DateTimeOffset moment) =>
        new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(moment.UtcDateTime);
}
