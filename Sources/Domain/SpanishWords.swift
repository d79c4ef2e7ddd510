import Foundation

/// Spanish words that hold Á or Í (`Catalogs/csv/palabras-con-tilde.txt`, public-domain sources; see
/// `Scripts/make-word-list`), to settle a letter that double encoding lost.
///
/// Doubly-encoded UTF-8 loses the second byte of Á, Í, Ï, Ð and Ý (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90
/// and 0x9D undefined), so `ESPECÃ` + U+FFFD + `FICOS` could be any of five letters; only one of them
/// (`ESPECÍFICOS`) makes a word. Words without Á or Í are not listed: they never need this.
public enum SpanishWords {
    /// The list compiled into the tool, read on first use (only files with damaged names need it).
    public static let withLostLetters = Set(CatalogText.palabrasConTilde.split(separator: "\n").map(String.init))

    /// True when the word (any case) is a listed Spanish word.
    public static func contains(_ word: String) -> Bool {
        withLostLetters.contains(word.lowercased())
    }
}
