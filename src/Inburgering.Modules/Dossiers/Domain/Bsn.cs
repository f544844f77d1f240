namespace Inburgering.Modules.Dossiers.Domain;

/// <summary>The burgerservicenummer's 11-proef: 9 digits, weights 9..2 and −1, the sum divisible by 11.</summary>
internal static class Bsn
{
    public static bool IsGeldig(string? bsn)
    {
        if (bsn is not { Length: 9 } || !bsn.All(char.IsAsciiDigit) || bsn == "000000000")
        {
            return false;
        }

        var som = 0;
        for (var i = 0; i < 8; i++)
        {
            som += (bsn[i] - '0') * (9 - i);
        }

        som -= bsn[8] - '0';
        return som % 11 == 0;
    }
}
