extension Character {
    /// `0`–`9` only (UNSPSC codes and NITs are ASCII).
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
