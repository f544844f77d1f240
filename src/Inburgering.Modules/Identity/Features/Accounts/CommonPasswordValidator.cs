using Inburgering.Modules.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>Length over composition (NIST SP 800-63B): at least 12 characters and not on the bundled list of common passwords.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    public const string Code = "CommonPassword";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var personal = new[] { user.Email, user.UserName }.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!.ToLowerInvariant());
        return Task.FromResult(IsCommon(lowered) || personal.Any(p => lowered == p || lowered.Contains(p.Split('@')[0], StringComparison.Ordinal) && p.Split('@')[0].Length >= 6)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "Dit wachtwoord is te voorspelbaar. Kies een langere zin die niet met u te maken heeft." })
            : IdentityResult.Success);
    }

    internal static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Inburgering.Identity.common-passwords.txt")
                           ?? throw new InvalidOperationException("The bundled common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
