import Foundation

/// Frees a large value on another thread, so whoever held it goes on at once.
///
/// A national year is 300,000 purchases with their awards, bids and items: freeing them took a few tenths of a
/// second of the run's single-threaded part, at its end.
public enum BackgroundRelease {
    /// Takes the value (the caller passes its last reference with `consume`) and frees it on a utility thread.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let holder = Holder(consume value)
        DispatchQueue.global(qos: .utility).async { holder.empty() }
    }

    /// The only reference to the value once the caller consumed its own; emptied once, on one thread.
    private final class Holder<Held: Sendable>: @unchecked Sendable {
        private var value: Held?

        init(_ value: consuming Held) { self.value = consume value }

        func empty() { value = nil }
    }
}
