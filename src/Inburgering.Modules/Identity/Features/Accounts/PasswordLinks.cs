using System.Text;
using Inburgering.Modules.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>One-time links to choose a password, for invitations and resets alike (Identity's reset token, 24 hours).</summary>
internal static class PasswordLinks
{
    public const string PagePath = "account/nieuw-wachtwoord";

    public static async Task<string> CreateAsync(UserManager<User> users, User user, Uri site)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return QueryHelpers.AddQueryString(new Uri(site, PagePath).ToString(), new Dictionary<string, string?>
        {
            ["gebruiker"] = user.Id.ToString(),
            ["code"] = Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(token)),
        });
    }

    public static string? DecodeToken(string? code)
    {
        try
        {
            return string.IsNullOrEmpty(code) ? null : Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
