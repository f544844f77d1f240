using Microsoft.AspNetCore.Identity;

namespace Inburgering.Modules.Identity.Features.Accounts;

/// <summary>Identity's messages in Dutch; the pages translate them like every other text.</summary>
internal sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = "Een wachtwoord heeft ten minste 12 tekens. Een zin van een paar woorden werkt goed." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Deze link is ongeldig of verlopen. Vraag een nieuwe aan." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Dit e-mailadres is al in gebruik." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Dit e-mailadres is al in gebruik." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Vul een geldig e-mailadres in." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Er ging iets mis. Probeer het opnieuw." };
}
