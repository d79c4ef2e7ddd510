extension String {
    /// nil for the empty string, so blank profile fields mean "no filter".
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
