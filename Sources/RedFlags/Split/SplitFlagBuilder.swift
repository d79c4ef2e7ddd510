import Domain
import Foundation

/// Turns a split-purchase episode into a flag with the facts a reader needs: members, dates, sum, the ceiling it
/// went over and the modality the total would have required.
enum SplitFlagBuilder {
    /// True when the total would have required cotización or licitación: the Art. 81 LCE case. Crossing only
    /// the baja-cuantía ceiling (toward compra directa) is informative.
    static func evadesCompetition(_ episode: SplitEpisode, _ context: FlagContext) -> Bool {
        let required = requiredModality(episode, context)
        return required == "cotizacion" || required == "licitacion_publica"
    }

    static func requiredModality(_ episode: SplitEpisode, _ context: FlagContext) -> String {
        let day = context.facts[episode.best[0].fact].dayText
        return context.thresholds.requiredModality(for: episode.bestSum, on: day)
    }

    /// The flag for an episode.
    /// - Parameters:
    ///   - keyDescription: what the members share (`a NIT 733506984 (…)`, `del renglón 211`).
    static func flag(
        id: String, severity: RedFlagSeverity, episode: SplitEpisode, context: FlagContext, subjectKey: String,
        label: String, keyDescription: String, window: SplitWindow, extra: String = ""
    ) -> RedFlag {
        let first = context.facts[episode.members[0].fact]
        let last = context.facts[episode.members[episode.members.count - 1].fact]
        let bestFirst = context.facts[episode.best[0].fact]
        let bestLast = context.facts[episode.best[episode.best.count - 1].fact]
        let required = requiredModality(episode, context)
        let requiredName = context.catalog.modality(code: required)?.shortName.lowercased() ?? required
        var detail =
            "\(episode.best.count) compras de \(first.unitLabel) \(keyDescription) entre \(bestFirst.dayText) y "
            + "\(bestLast.dayText) (ventana: \(window.spanish)) suman \(episode.bestSum.formatted), más que el techo "
            + "\(episode.ceiling.formatted) de la modalidad usada; el total habría requerido \(requiredName)."
        if episode.members.count > episode.best.count {
            detail +=
                " El episodio completo reúne \(episode.members.count) compras del \(first.dayText) al \(last.dayText)."
        }
        if evadesCompetition(episode, context) {
            detail +=
                " Art. 81 LCE: multa del 2.5 % del total si se fraccionó para evadir la cotización o la licitación."
        }
        if !extra.isEmpty { detail += " " + extra }
        let evidence = episode.members.map { member in
            context.evidence(
                context.facts[member.fact], supplier: member.supplier, amount: member.amount, renglon: member.renglon)
        }
        return RedFlag(
            indicatorID: id, severity: severity,
            subject: RedFlagSubject(kind: .grupo, id: "\(id):\(subjectKey):\(first.dayText)", label: label),
            ejercicio: context.ejercicio, value: ValueText.ratio(episode.bestSum, episode.ceiling),
            amount: episode.bestSum, detail: detail, evidence: evidence)
    }
}
