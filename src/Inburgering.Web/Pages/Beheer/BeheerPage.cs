using Inburgering.Platform.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inburgering.Web.Pages.Beheer;

/// <summary>Management pages show refusals in place: every invalid field, or the one reason, with nothing changed.</summary>
public abstract class BeheerPage : PageModel
{
    public IReadOnlyDictionary<string, string[]> Fouten { get; private set; } = new Dictionary<string, string[]>();

    public string? Melding { get; protected set; }

    /// <summary>The model of the <c>_Veldfout</c> partial for one field.</summary>
    public (BeheerPage Page, string Veld) Veld(string naam) => (this, naam);

    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException ex)
        {
            Fouten = ex.Errors;
            Melding = ex.Message;
        }
        catch (DomainException ex)
        {
            Melding = ex.Message;
        }

        return false;
    }
}
