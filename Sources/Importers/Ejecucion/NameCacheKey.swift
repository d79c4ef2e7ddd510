/// What ``ExecutionNameBook`` caches a name's repair by: the field, the code it names and the text.
///
/// Three strings hashed in place; the cache key used to be the three joined by interpolation, a new string built
/// (and allocated) for every name of every line.
struct NameCacheKey: Hashable {
    var field: String
    var code: String
    var text: String
}
