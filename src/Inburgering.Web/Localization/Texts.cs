namespace Inburgering.Web;

/// <summary>
/// The UI's texts. Keys are the Dutch texts themselves (Dutch is the default); <c>Resources/Texts.en.resx</c> holds
/// the English. A missing translation shows the Dutch, never a key.
/// </summary>
internal sealed class Texts;
