import ArgumentParser

/// Catches a mistyped subcommand (`report grupo`) before the parser does: ArgumentParser would report an
/// unexpected argument or blame a missing option of the parent command, never naming the real mistake.
enum SubcommandCheck {
    /// The Spanish message for the first unknown subcommand in `arguments`, or nil when every one exists.
    static func problem(in arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var children = subcommands(of: root)
        var path = ["transparencia"]
        for argument in arguments {
            guard !children.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
            if let child = children[argument] {
                command = child
                children = subcommands(of: child)
                path.append(argument)
                continue
            }
            // `fetch URL` goes to the default subcommand: an unknown word is its argument, not a typo.
            if command.configuration.defaultSubcommand != nil { return nil }
            let names = children.keys.sorted()
            let suggestion = closest(to: argument, among: names).map { " ¿Quiso decir «\($0)»?" } ?? ""
            return "«\(path.joined(separator: " "))» no tiene el subcomando «\(argument)».\(suggestion) "
                + "Subcomandos: \(names.joined(separator: ", "))."
        }
        return nil
    }

    /// A command's subcommands by name.
    private static func subcommands(of command: any ParsableCommand.Type) -> [String: any ParsableCommand.Type] {
        var byName: [String: any ParsableCommand.Type] = [:]
        for child in command.configuration.subcommands {
            if let name = child.configuration.commandName { byName[name] = child }
        }
        return byName
    }

    /// The name a typo most likely meant: a shared prefix of three letters, or one edit away.
    static func closest(to typo: String, among names: [String]) -> String? {
        let lower = typo.lowercased()
        if let prefixed = names.first(where: { $0.hasPrefix(lower) || lower.hasPrefix($0) }), lower.count >= 3 {
            return prefixed
        }
        return names.map { ($0, distance(lower, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two short words.
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
